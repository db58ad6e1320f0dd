namespace Platform.Contract.Tests.Versioning;

/// <summary>
/// A change that can break a client built on the previous document. <see cref="Key"/> is stable text naming the
/// operation and the place, which is what the allow-list (docs/openapi/breaking-changes-allowed.json) names.
/// </summary>
public sealed record BreakingChange(string Operation, string Place, string What, bool Announced)
{
    public string Key => $"{Operation} {Place}: {What}";

    public override string ToString() => Key + (Announced ? " (announced: deprecated first)" : string.Empty);
}
