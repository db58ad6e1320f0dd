using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Members;
using CompensationFund.Api.Domain.Periods;
using CompensationFund.Api.Domain.Sealing;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace CompensationFund.Api.Features.Reports;

/// <summary>One of the city's lines in a closed period, its leaf hash, and the siblings up to the root.</summary>
public sealed record LineProofResponse(
    long Position, Guid EntryId, string Account, DateOnly ValueDate, long RecordedAtMicros, long DebitsPostedFen, long CreditsPostedFen, long DebitsPendingFen,
    long CreditsPendingFen, string LeafHash, int Index, IReadOnlyList<ProofStep> Path)
{
    public static LineProofResponse From(LineProof p) => new(
        p.Line.Position, p.Line.EntryId, p.Line.Account, p.Line.ValueDate, p.Line.RecordedAtMicros, p.Line.DebitsPosted, p.Line.CreditsPosted, p.Line.DebitsPending,
        p.Line.CreditsPending, p.LeafHash, p.Index, p.Path);
}

/// <summary>A city's inclusion proofs for a closed period, with the root they prove against.</summary>
/// <remarks>Before the first period is closed there is nothing to prove: <c>Period</c>, <c>Root</c> and <c>PublishedAt</c> are null.</remarks>
public sealed record StatementProofsResponse(
    string CityId, string? Period, string? Root, int RootLines, DateTimeOffset? PublishedAt, bool LedgerMatchesRoot, string Algorithm, IReadOnlyList<LineProofResponse> Lines);

/// <summary>
/// Each city can check that every line of its statement for a closed period is among the lines under the root the fund
/// published for that period (<c>GET /periods/{period}/root</c>), with <c>tools/Fund.StatementVerifier</c>; it sees only its
/// own lines and the sibling hashes, never another city's amounts (docs/compensation-fund.md §14).
/// </summary>
public static class StatementProofs
{
    public const string Algorithm =
        "RFC 6962 Merkle tree, SHA-256: leaf = H(0x00 || utf8(canonical)), node = H(0x01 || left || right), odd last node carried up; "
        + "canonical = fund-line-v1|position|entryId|account|valueDate|recordedAtMicros|debitsPostedFen|creditsPostedFen|debitsPendingFen|creditsPendingFen";

    public static async Task<IResult> HandleAsync(string cityId, string? period, IQuerySession session, PeriodRoots roots, HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.User.MayReadCity(cityId) || await session.LoadAsync<FundMember>(cityId, cancellationToken) is not { JoinedAt: not null })
        {
            return Problems.NotFound($"No member city '{cityId}'.");
        }

        AccountingPeriod month;
        if (period is null)
        {
            if (await roots.LatestClosedAsync(cancellationToken) is not { } latest)
            {
                return Results.Ok(new StatementProofsResponse(cityId, null, null, 0, null, true, Algorithm, []));
            }

            month = latest;
        }
        else if (!AccountingPeriod.TryParse(period, out month))
        {
            return Problems.BadRequest("period", "'period' is a closed month written yyyy-MM (leave it out for the latest closed one).");
        }

        var proofs = await roots.ProveAsync(month, $"city:{cityId}:", cancellationToken);
        if (proofs is null)
        {
            return Problems.NotFound($"Period {month} is not closed: it has no published root yet.");
        }

        return Results.Ok(new StatementProofsResponse(
            cityId, month.ToString(), proofs.Published.Root, proofs.Published.Lines, proofs.Published.ComputedAt, proofs.LedgerMatchesRoot, Algorithm,
            [.. proofs.Lines.Select(LineProofResponse.From)]));
    }

    public static async Task<IResult> RootAsync(string period, PeriodRoots roots, CancellationToken cancellationToken)
    {
        if (!AccountingPeriod.TryParse(period, out var month))
        {
            return Problems.BadRequest("period", "'period' is a month written yyyy-MM.");
        }

        return await roots.FindAsync(month, cancellationToken) is { } root ? Results.Ok(root) : Problems.NotFound($"Period {month} is not closed: it has no published root yet.");
    }
}
