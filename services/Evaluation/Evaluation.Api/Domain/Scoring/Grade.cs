namespace Evaluation.Api.Domain.Scoring;

/// <summary>The grades of domain.md §4.4, each boundary inclusive: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below.</summary>
public static class Grade
{
    public const string Excellent = "优";
    public const string Good = "良";
    public const string Fair = "中";
    public const string Poor = "差";

    public static readonly IReadOnlyList<string> All = [Excellent, Good, Fair, Poor];

    public static string Of(decimal score) => score switch
    {
        >= 90m => Excellent,
        >= 80m => Good,
        >= 60m => Fair,
        _ => Poor,
    };
}
