using Platform.ServiceDefaults.Api.OpenApi;

namespace CostSharing.Api;

/// <summary>The cost-sharing API as its OpenAPI document introduces it (docs/api-versioning.md governs its changes).</summary>
public sealed class CostSharingApiDescription : ServiceApiDescription
{
    public override string Title => "Cost-sharing API (成本分担)";

    public override string English =>
        "Cost-sharing owns the alliance's **member cities**, the **agreements** (versioned allocation rules and responsibility lists), "
        + "cross-boundary **incidents**, the cities' **cost claims** and the **allocations** that split approved costs between cities, "
        + "exact to the fen (largest remainder). The coordinating body registers members, opens incidents and decides claims; "
        + "a city files and amends its own claims on incidents it takes part in and reads its own records; finance and auditors read.";

    public override string Chinese =>
        "成本分担服务管理联盟**成员城市**、**协议**（带版本的分摊规则与责任清单）、跨界**事件**、各城市的**费用申报**以及按规则把核准费用分摊到各城市的"
        + "**分摊结果**（精确到分，最大余数法）。协调机构登记成员、开立事件并审批申报；城市只能为其参与的事件提交和修改本市申报，只能读取本市记录；财务与审计人员只读。";

    public override IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Members"] = "The alliance's member cities (the directory every role may read; the coordinating body registers and edits).",
        ["Agreements"] = "Cost-sharing agreements and their versions: allocation rules and responsibility lists.",
        ["Incidents"] = "Cross-boundary incidents: opened, confirmed, response closed (claims due), costs finalized, settled.",
        ["Cost claims"] = "A city's claim for what an incident cost it, decided in full, in part or rejected by the coordinating body.",
        ["Allocations"] = "How an incident's approved costs are split between the cities, previewed, finalized and corrected.",
        ["Operations"] = "Administration: dead letters, parked messages and the outbox (coordinating body).",
    };
}
