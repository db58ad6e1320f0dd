using System.Text.Json;
using CompensationFund.Api.Domain.History;
using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Infrastructure.History;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.History;

/// <summary>One state of a record: its version, the database's position and time of writing it, the record as it stood.</summary>
public sealed record RecordVersion(int Version, long Sequence, DateTimeOffset RecordedAt, JsonElement State);

public sealed record RecordHistoryResponse(string Kind, Guid Id, IReadOnlyList<RecordVersion> Versions);

/// <summary>
/// <c>GET …/history</c> of compensation proposals, obligations and settlements (ledger readers): every state the record
/// passed through, oldest first.
/// </summary>
public static class HistoryEndpoints
{
    public static RouteGroupBuilder MapHistoryEndpoints(this RouteGroupBuilder api)
    {
        Map(api, "/compensation/{id:guid}/history", RecordHistory.Proposal, "Compensation", "compensationHistory");
        Map(api, "/obligations/{id:guid}/history", RecordHistory.Obligation, "Contributions", "obligationHistory");
        Map(api, "/settlements/{id:guid}/history", RecordHistory.Settlement, "Settlements", "settlementHistory");
        return api;
    }

    private static void Map(RouteGroupBuilder api, string pattern, string kind, string tag, string name) =>
        api.MapGet(pattern, (Guid id, HistoryReader history, CancellationToken cancellationToken) => ReadAsync(kind, id, history, cancellationToken))
            .WithName(name).WithTags(tag).RequireAuthorization(FundPolicies.LedgerReader)
            .Produces<RecordHistoryResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary($"Every state of one {kind}, oldest first, as the database wrote them.");

    private static async Task<IResult> ReadAsync(string kind, Guid id, HistoryReader history, CancellationToken cancellationToken)
    {
        var states = await history.ReadAsync(kind, id, cancellationToken);
        var versions = states.Select((s, i) =>
        {
            using var state = JsonDocument.Parse(s.State);
            return new RecordVersion(i + 1, s.Position, s.RecordedAt, state.RootElement.Clone());
        }).ToList();
        return versions.Count == 0 ? Problems.NotFound($"No {kind} {id}.") : Results.Ok(new RecordHistoryResponse(kind, id, versions));
    }
}
