namespace Platform.DemoSeeder;

/// <summary>
/// The demo region's story, played through the gateway as each role would, step by step. Every step is idempotent: it
/// looks for what it would create (by the demo's ids, titles, bank references or the record's state) and creates only what
/// is missing, and every money-moving call carries an Idempotency-Key derived from the demo data, so a second run changes
/// nothing and a run stopped part-way is taken on from where it stood.
/// </summary>
/// <remarks>
/// The order is the story's and matters for the money: the members' contributions reach the pool before the allocation is
/// finalized, so the compensation the fund proposes from it is covered in full; the general third-party deposit is there
/// before the evaluation's reward is paid from it.
/// </remarks>
internal sealed partial class DemoStory(GatewayApi gateway, DemoRegion region, TextWriter log, TimeProvider clock)
{
    public Sessions Sessions { get; } = new(gateway, region.Clients);

    public StoryState State { get; } = new();

    public DemoRegion Region => region;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        log.WriteLine($"Seeding demo region {region.Id} ({region.Name})");
        await MembersAsync(cancellationToken);
        await ContributionsAsync(cancellationToken);
        await BaseDataAsync(cancellationToken);
        await WarningAsync(cancellationToken);
        await IncidentAsync(cancellationToken);
        await SettlementAsync(cancellationToken);
        await CompensationAsync(cancellationToken);
        await EvaluationAsync(cancellationToken);
        log.WriteLine($"Demo region seeded: {region.Members.Count} members, agreement {region.Agreement.Id}, warning {State.WarningId}, "
            + $"incident {State.IncidentId}, allocation {State.AllocationId}, evaluation round {State.RoundId}.");
    }

    /// <summary>A key the same step of the same story always sends (a replay, never a second act).</summary>
    private static string Key(params object[] parts) => "demo-seeder:" + string.Join(':', parts);

    private void Step(string what) => log.WriteLine("  " + what);
}
