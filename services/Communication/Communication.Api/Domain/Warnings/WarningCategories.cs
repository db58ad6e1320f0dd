namespace Communication.Api.Domain.Warnings;

/// <summary>
/// The risk categories of docs/domain.md §1 by cost-sharing's wire names (an escalated warning opens an incident of the same
/// category), and their CAP 1.2 <c>category</c> codes (CAP 1.2 §3.2.2).
/// </summary>
public static class WarningCategories
{
    public const string NaturalDisaster = "natural-disaster";
    public const string PublicHealth = "public-health";
    public const string AccidentDisaster = "accident-disaster";
    public const string SocialSecurity = "social-security";
    public const string Emerging = "emerging";

    public static readonly IReadOnlyList<string> All = [NaturalDisaster, PublicHealth, AccidentDisaster, SocialSecurity, Emerging];

    /// <summary>The CAP category written for a warning issued in JSON.</summary>
    public static string ToCap(string category) => category switch
    {
        NaturalDisaster => "Geo",
        PublicHealth => "Health",
        AccidentDisaster => "Safety",
        SocialSecurity => "Security",
        _ => "Other",
    };

    /// <summary>
    /// The risk category of a CAP message's first category: geophysical and meteorological hazards are natural disasters,
    /// fire, transport, infrastructure, environmental and CBRNE events are accidents (事故灾难), security and rescue
    /// (an abduction) are social security, health is public health.
    /// </summary>
    public static string FromCap(IReadOnlyList<string> capCategories) => (capCategories.Count > 0 ? capCategories[0] : null) switch
    {
        "Geo" or "Met" => NaturalDisaster,
        "Health" => PublicHealth,
        "Safety" or "Fire" or "Transport" or "Infra" or "Env" or "CBRNE" => AccidentDisaster,
        "Security" or "Rescue" => SocialSecurity,
        _ => Emerging,
    };
}
