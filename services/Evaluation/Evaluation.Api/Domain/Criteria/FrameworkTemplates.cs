namespace Evaluation.Api.Domain.Criteria;

/// <summary>
/// The two built-in frameworks, after domain.md §3.3: activity evaluation per incident and participant evaluation
/// per period. A community adapts them by publishing its own framework (or a new version of one).
/// </summary>
public static class FrameworkTemplates
{
    public const string Activity = "activity";
    public const string Participant = "participant";

    public static IReadOnlyList<Criterion> ActivityCriteria() =>
    [
        Criterion.Group("plans", "Effectiveness of contingency plans and agreements", 0.20,
            Criterion.Leaf("contingency-plans", "Contingency plans", 1), Criterion.Leaf("agreements", "Agreements", 1)),
        Criterion.Group("timeliness", "Timeliness of prevention, assessment and response", 0.30,
            Criterion.Leaf("prevention-timeliness", "Prevention", 1), Criterion.Leaf("assessment-timeliness", "Assessment", 1),
            Criterion.Leaf("response-timeliness", "Response", 1)),
        Criterion.Group("adequacy", "Adequacy of resource preparation and information exchange", 0.25,
            Criterion.Leaf("resource-preparation", "Resource preparation", 1), Criterion.Leaf("information-exchange", "Information exchange", 1)),
        Criterion.Leaf("response-efficiency", "Response efficiency", 0.25),
    ];

    public static IReadOnlyList<Criterion> ParticipantCriteria() =>
    [
        Criterion.Leaf("coordination", "Effectiveness of leadership and coordination", 0.20),
        Criterion.Group("cooperation", "Cooperation in each stage", 0.30,
            Criterion.Leaf("cooperation-prevention", "Prevention and warning", 1), Criterion.Leaf("cooperation-response", "Response", 1),
            Criterion.Leaf("cooperation-recovery", "Recovery and reconstruction", 1)),
        Criterion.Leaf("cost-input", "Cost input", 0.15),
        Criterion.Leaf("effectiveness", "Results achieved", 0.20),
        Criterion.Leaf("responsibility", "Fulfilment of the responsibility list", 0.15),
    ];

    public static IReadOnlyList<Criterion>? For(string id) => id switch
    {
        Activity => ActivityCriteria(),
        Participant => ParticipantCriteria(),
        _ => null,
    };
}
