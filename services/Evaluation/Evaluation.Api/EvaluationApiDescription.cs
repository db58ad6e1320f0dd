using Platform.ServiceDefaults.Api.OpenApi;

namespace Evaluation.Api;

/// <summary>The evaluation API as its OpenAPI document introduces it (docs/api-versioning.md governs its changes).</summary>
public sealed class EvaluationApiDescription : ServiceApiDescription
{
    public override string Title => "Evaluation API (绩效评估)";

    public override string English =>
        "Evaluation owns the **criteria frameworks** (weights by AHP), **evaluation rounds** for an incident or a period, the assessor groups "
        + "and their weights, **assessments**, and the published **results**: composite scores, ranks, grades, rewards and penalties (which "
        + "the fund then pays and charges). The coordinating body opens, closes and publishes rounds; evaluators assess their assigned "
        + "subjects; a city assesses itself; published results are open to every member.";

    public override string Chinese =>
        "绩效评估服务管理**指标体系**（层次分析法定权）、针对事件或周期的**评估轮次**、评估组及其权重、**评分**，以及公布的**结果**：综合得分、排名、"
        + "等级、奖励与处罚（由补偿基金执行）。协调机构开启、关闭并公布轮次；评估专家为分配给自己的对象评分；城市进行自评；公布的结果向全体成员开放。";

    public override IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Criteria frameworks"] = "Versioned criteria frameworks with direct or AHP weights (consistency ratio below 0.1).",
        ["Evaluation rounds"] = "Rounds from opening to published results, their panels and each city's results.",
        ["Assessments"] = "Scores per criterion submitted by evaluators, the coordinating body and cities themselves.",
        ["Calculators"] = "AHP, TOPSIS and composite scores as pure calculations.",
        ["Members"] = "Member cities as evaluation knows them.",
        ["Operations"] = "Administration: dead letters, parked messages and the outbox (coordinating body).",
    };
}
