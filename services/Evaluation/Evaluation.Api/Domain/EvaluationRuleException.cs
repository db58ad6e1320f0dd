namespace Evaluation.Api.Domain;

/// <summary>
/// A broken evaluation rule, with the reason in words the caller can act on. A conflict (<paramref name="conflict"/>)
/// is about the current state (a round already published, an assessment after closing): 409; otherwise 422.
/// </summary>
public sealed class EvaluationRuleException(string title, string detail, bool conflict = false) : Exception(detail)
{
    public string Title { get; } = title;

    public bool IsConflict { get; } = conflict;
}
