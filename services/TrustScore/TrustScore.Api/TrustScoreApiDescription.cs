using Platform.ServiceDefaults.Api.OpenApi;

namespace TrustScore.Api;

/// <summary>The trust-score API as its OpenAPI document introduces it (docs/api-versioning.md governs its changes).</summary>
public sealed class TrustScoreApiDescription : ServiceApiDescription
{
    public override string Title => "Trust score API (信用评分)";

    public override string English =>
        "Trust-score owns each city's **commitments** (pledges and their fulfilment), **supervision findings** (vertical) and **peer reports** "
        + "(horizontal), **appeals** and remedies, and the resulting **scores and tiers** with an explanation of the evidence behind them. "
        + "Scores and tiers are published to every member; a city reads its own commitments and explanation; supervisors record findings; "
        + "the coordinating body decides appeals.";

    public override string Chinese =>
        "信用评分服务管理各城市的**承诺**（承诺事项及履行情况）、**监督发现**（纵向）与**同级互评**（横向）、**申诉**与整改，以及由此得出的**信用分与等级**，"
        + "并说明其依据。信用分与等级向全体成员公开；城市可读取本市承诺与评分说明；监督方记录监督发现；协调机构裁决申诉。";

    public override IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Scores"] = "Trust scores and tiers (published to every member), their history and the evidence explaining them.",
        ["Commitments"] = "What a city committed to and whether it kept it, pledges recorded and confirmed.",
        ["Supervision"] = "Supervision findings, peer reports, appeals and remedies.",
        ["Calculator"] = "The scoring model as a pure calculation, for what-if questions.",
        ["Operations"] = "Administration: dead letters, parked messages and the outbox (coordinating body).",
    };
}
