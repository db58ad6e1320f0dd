using Platform.ServiceDefaults.Api.OpenApi;

namespace Communication.Api;

/// <summary>The communication API as its OpenAPI document introduces it (docs/api-versioning.md governs its changes).</summary>
public sealed class CommunicationApiDescription : ServiceApiDescription
{
    public override string Title => "Communication API (信息通报)";

    public override string English =>
        "Communication owns **risk warnings** (CAP 1.2) and the cities' **acknowledgements**, the **exposure graph** that says who is "
        + "downstream of whom, **live feeds** (Server-Sent Events) and **webhooks**, **base-data snapshots** with region capacity gaps, and "
        + "**mutual aid** (requests, offers, acceptances, dispatch and return). Cities issue and acknowledge warnings and ask for and offer "
        + "aid; the coordinating body escalates and records misconduct.";

    public override string Chinese =>
        "信息通报服务管理**风险预警**（CAP 1.2）及各城市的**签收**、表示上下游关系的**暴露关系图**、**实时推送**（Server-Sent Events）与 **Webhook**、"
        + "带区域能力缺口的**基础数据快照**，以及**互助**（请求、提供、接受、调派与归还）。城市发布与签收预警、请求与提供互助；协调机构负责升级与记录违规。";

    public override IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Warnings"] = "Risk warnings (CAP 1.2): issued, updated, cancelled, escalated, and their acknowledgements.",
        ["Members"] = "Member cities as communication knows them.",
        ["Feed"] = "A city's live feed of warnings (Server-Sent Events).",
        ["Webhooks"] = "Webhooks a city registers to receive warnings.",
        ["Misconduct"] = "Misconduct recorded against a warning's handling.",
        ["Base data"] = "Base-data snapshots a city publishes and the region's capacity gaps.",
        ["Exposure graph"] = "Who is exposed to whom, versioned, and how far a warning reaches.",
        ["Mutual aid"] = "Mutual-aid requests, offers, acceptance, dispatch and return.",
        ["Operations"] = "Administration: dead letters, parked messages and the outbox (coordinating body).",
    };
}
