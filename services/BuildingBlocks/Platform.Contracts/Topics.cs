namespace Platform.Contracts;

/// <summary>One topic per producing service and stream of facts (architecture.md §3).</summary>
public static class Topics
{
    public const string CostSharing = "cost-sharing.events.v1";
    public const string CompensationFund = "compensation-fund.events.v1";
    public const string TrustScore = "trust-score.events.v1";
    public const string Evaluation = "evaluation.events.v1";
    public const string Communication = "communication.events.v1";

    /// <summary>The dead-letter topic of one consumer group.</summary>
    public static string DeadLetter(string consumerGroup) => $"dlq.{consumerGroup}.v1";

    public static readonly IReadOnlyList<string> EventTopics = [CostSharing, CompensationFund, TrustScore, Evaluation, Communication];

    public static readonly IReadOnlyList<string> ConsumerGroups = ["cost-sharing", "compensation-fund", "trust-score", "evaluation", "communication"];

    /// <summary>Every topic the platform needs, for the local broker and the cluster's topic definitions.</summary>
    public static IReadOnlyList<string> All => [.. EventTopics, .. ConsumerGroups.Select(DeadLetter)];
}
