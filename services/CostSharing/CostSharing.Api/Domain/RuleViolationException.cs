namespace CostSharing.Api.Domain;

/// <summary>
/// A domain rule the request breaks (a late claim, a second finalization): answered as a problem with the
/// reason, 409 for a conflict with the current state and 422 otherwise. Thrown before anything is saved,
/// so nothing is half written.
/// </summary>
public sealed class RuleViolationException(string title, string detail, bool conflict = false) : Exception(detail)
{
    public string Title { get; } = title;

    public bool IsConflict { get; } = conflict;
}
