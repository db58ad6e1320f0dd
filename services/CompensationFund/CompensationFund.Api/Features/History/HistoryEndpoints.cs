using System.Text.Json;
using CompensationFund.Api.Domain.History;
using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Infrastructure.Ledger;
using Npgsql;
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
        api.MapGet(pattern, (Guid id, NpgsqlDataSource database, LedgerSchema schema, CancellationToken cancellationToken) => ReadAsync(kind, id, database, schema, cancellationToken))
            .WithName(name).WithTags(tag).RequireAuthorization(FundPolicies.LedgerReader)
            .Produces<RecordHistoryResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary($"Every state of one {kind}, oldest first, as the database wrote them.");

    private static async Task<IResult> ReadAsync(string kind, Guid id, NpgsqlDataSource database, LedgerSchema schema, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"select position, recorded_at, state::text from {schema.HistoryTable} where kind = $1 and record_id = $2 order by position");
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        var versions = new List<RecordVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var state = JsonDocument.Parse(reader.GetString(2));
            versions.Add(new RecordVersion(versions.Count + 1, reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), state.RootElement.Clone()));
        }

        return versions.Count == 0 ? Problems.NotFound($"No {kind} {id}.") : Results.Ok(new RecordHistoryResponse(kind, id, versions));
    }
}
