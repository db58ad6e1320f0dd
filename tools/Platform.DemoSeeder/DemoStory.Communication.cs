using System.Text.Json;

namespace Platform.DemoSeeder;

internal sealed partial class DemoStory
{
    /// <summary>The coordinating body publishes the exposure graph (rivers downstream); the cities publish their base data.</summary>
    public async Task BaseDataAsync(CancellationToken cancellationToken)
    {
        var coordinator = await Sessions.CoordinatorAsync(cancellationToken);
        var graph = await gateway.GetAsync("api/communication/exposure-graph", coordinator, cancellationToken);
        var edges = region.Communication.ExposureGraph;
        var current = graph.GetProperty("edges").EnumerateArray()
            .Select(e => (e.GetProperty("fromCityId").GetString(), e.GetProperty("toCityId").GetString(), e.GetProperty("kind").GetString())).ToHashSet();
        if (!current.SetEquals(edges.Select(e => ((string?)e.FromCityId, (string?)e.ToCityId, (string?)e.Kind))))
        {
            graph = await gateway.PutAsync("api/communication/exposure-graph", coordinator, new { edges }, cancellationToken);
        }

        Step($"exposure graph version {graph.GetProperty("version").GetInt32()}: {string.Join(", ", edges.Select(e => $"{e.FromCityId}→{e.ToCityId} ({e.Kind})"))}");
        foreach (var snapshot in region.Communication.Snapshots)
        {
            var city = await Sessions.CityAsync(snapshot.CityId, cancellationToken);
            var capacity = await gateway.GetAsync($"api/communication/capacity/{snapshot.CityId}", city, cancellationToken);
            if (capacity.GetProperty("version").ValueKind == JsonValueKind.Null)
            {
                capacity = await gateway.PostAsync("api/communication/snapshots", city, new
                {
                    asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), snapshot.Population, snapshot.Reserves, snapshot.Teams, snapshot.Equipment,
                }, null, cancellationToken);
            }

            Step($"base data of {snapshot.CityId}: version {capacity.GetProperty("version")}, {snapshot.Population.Sum(d => d.People):N0} people in {snapshot.Population.Count} districts");
        }
    }

    /// <summary>
    /// The upstream city issues the red warning; the cities it reaches acknowledge it, one of them only after its deadline;
    /// the sender escalates it, and cost-sharing opens the incident from it.
    /// </summary>
    public async Task WarningAsync(CancellationToken cancellationToken)
    {
        var demo = region.Communication.Warning;
        var sender = await Sessions.CityAsync(demo.SenderCityId, cancellationToken);
        var issued = (await gateway.GetAsync("api/communication/warnings?pageSize=200", sender, cancellationToken)).GetProperty("items").EnumerateArray()
            .FirstOrDefault(w => w.GetProperty("headline").GetString() == demo.Headline && w.GetProperty("senderCityId").GetString() == demo.SenderCityId);
        if (issued.ValueKind != JsonValueKind.Object)
        {
            issued = await gateway.PostAsync("api/communication/warnings", sender, new
            {
                demo.SenderCityId, msgType = "Alert", demo.Category, demo.Level, demo.Event, demo.Headline, demo.Description, demo.Instruction,
                area = new { description = demo.AreaDescription, cityIds = Array.Empty<string>() },
            }, null, cancellationToken);
        }

        State.WarningId = issued.GetProperty("id").GetGuid();
        State.ReachedCityIds = [.. issued.GetProperty("reachedCityIds").EnumerateArray().Select(c => c.GetString()!)];
        Step($"{demo.Level} warning {State.WarningId} from {demo.SenderCityId}, reaching {string.Join(", ", State.ReachedCityIds)} (graph version {issued.GetProperty("graphVersion")})");
        foreach (var city in State.ReachedCityIds.Where(c => c != region.Communication.LateCityId))
        {
            await AcknowledgeAsync(city, cancellationToken);
        }

        await AcknowledgeLateAsync(region.Communication.LateCityId, cancellationToken);
        await EscalateAsync(sender, cancellationToken);
    }

    public async Task<IReadOnlyList<JsonElement>> AcknowledgementsAsync(CancellationToken cancellationToken) =>
        [.. (await gateway.GetAsync($"api/communication/warnings/{State.WarningId}/acknowledgements", await Sessions.CoordinatorAsync(cancellationToken), cancellationToken)).EnumerateArray()];

    private async Task AcknowledgeAsync(string cityId, CancellationToken cancellationToken)
    {
        var ack = await gateway.PostAsync($"api/communication/warnings/{State.WarningId}/acknowledgements", await Sessions.CityAsync(cityId, cancellationToken), null, null, cancellationToken);
        Step($"acknowledgement of {cityId}: {ack.GetProperty("outcome").GetString()} (due {ack.GetProperty("dueAt").GetDateTimeOffset():HH:mm:ss} UTC)");
    }

    /// <summary>
    /// Waits out the duty's deadline, then acknowledges: settled late (trust-score counts it by how late it was).
    /// </summary>
    /// <remarks>
    /// Implementation note: communication settles an overdue duty as missed at its next sweep, so a late acknowledgement
    /// exists only between the deadline and that sweep. The demo platform runs red deadlines of seconds and a sweep of
    /// minutes (tools/Platform.AppHost) so that this step can show one; with the production settings (15 min, 5 s) the
    /// step does not wait and the duty ends missed.
    /// </remarks>
    private async Task AcknowledgeLateAsync(string cityId, CancellationToken cancellationToken)
    {
        var duty = (await AcknowledgementsAsync(cancellationToken)).FirstOrDefault(d => d.GetProperty("cityId").GetString() == cityId);
        if (duty.ValueKind != JsonValueKind.Object || duty.GetProperty("outcome").GetString() != "open")
        {
            return;
        }

        var wait = duty.GetProperty("dueAt").GetDateTimeOffset() - clock.GetUtcNow() + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.FromMinutes(2))
        {
            Step($"acknowledgement of {cityId}: not waiting {wait.TotalMinutes:0} min for its deadline; it will be settled as missed");
            return;
        }

        if (wait > TimeSpan.Zero)
        {
            Step($"{cityId} waits {wait.TotalSeconds:0.#} s, past its acknowledgement deadline");
            await Task.Delay(wait, cancellationToken);
        }

        await AcknowledgeAsync(cityId, cancellationToken);
    }

    private async Task EscalateAsync(string sender, CancellationToken cancellationToken)
    {
        var coordinator = await Sessions.CoordinatorAsync(cancellationToken);
        if (await FindEscalatedIncidentAsync(coordinator, cancellationToken) is null)
        {
            await gateway.PostUnlessAsync(System.Net.HttpStatusCode.Conflict, $"api/communication/warnings/{State.WarningId}/escalation", sender, null, null, cancellationToken);
        }

        var incident = await Waiting.UntilAsync(() => FindEscalatedIncidentAsync(coordinator, cancellationToken), "cost-sharing to open the escalated incident", cancellationToken);
        State.IncidentId = incident.GetProperty("id").GetGuid();
        Step($"warning escalated: cost-sharing opened incident {State.IncidentId} ({incident.GetProperty("status").GetString()})");
    }

    /// <summary>Cost-sharing names the warning in the incident it opens from it (the API has no search by warning).</summary>
    private async Task<JsonElement?> FindEscalatedIncidentAsync(string coordinator, CancellationToken cancellationToken)
    {
        for (var page = 1; ; page++)
        {
            var incidents = await gateway.GetAsync($"api/cost-sharing/incidents?page={page}&pageSize=200", coordinator, cancellationToken);
            var items = incidents.GetProperty("items").EnumerateArray().ToList();
            var found = items.FirstOrDefault(i => i.GetProperty("description").GetString()?.Contains(State.WarningId.ToString(), StringComparison.Ordinal) == true);
            if (found.ValueKind == JsonValueKind.Object)
            {
                return found;
            }

            if (items.Count == 0 || page * 200L >= incidents.GetProperty("total").GetInt64())
            {
                return null;
            }
        }
    }
}
