using CompensationFund.Api.Domain.Banking;
using CompensationFund.Api.Domain.Members;
using CompensationFund.Api.Features.Payments;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Banking;

/// <summary>What an unmatched or conflicting bank line pays: an obligation (by code), a city's oldest debts, or a city's settlement pay-in.</summary>
public sealed record MatchBankLineRequest(string? CityId, string? ObligationCode, Guid? AllocationId);

/// <summary>
/// Finance matches a bank line the import could not (unmatched, or conflicting: a member paying another's code) to the
/// receivable it pays, and the money is posted then, under the line's bank reference. The value date is the line's
/// date, or the first open day when its period has closed since (the bank's date kept in the source). A line already
/// matched is a 409; an entry posted meanwhile under the same reference is taken as the match instead of a second post.
/// </summary>
public static class MatchBankLine
{
    public static async Task<IResult> HandleAsync(
        Guid lineId, MatchBankLineRequest request, IDocumentSession session, FundLedger ledger, BankLinePoster poster, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .RequirePlain(request.CityId, "cityId", required: false)
            .RequirePlain(request.ObligationCode, "obligationCode", required: false)
            .Require(request.CityId is not null || request.ObligationCode is not null, "cityId", "Name the paying city ('cityId') or the obligation paid ('obligationCode').")
            .Require(request.AllocationId is null || (request.CityId is not null && request.ObligationCode is null), "allocationId", "A settlement pay-in names 'cityId' and no 'obligationCode'.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (await session.LoadAsync<BankLineRecord>(lineId, cancellationToken) is not { } line)
        {
            return Problems.NotFound($"No bank line {lineId}.");
        }

        if (line.State is BankLineState.Matched)
        {
            return Problems.Conflict("Bank line matched", $"Bank line {line.BankReference} is matched already (entry {line.EntryId}); reverse that posting first to match it otherwise.");
        }

        if (line.Amount < 0)
        {
            return Problems.Unprocessable("Money out", $"Bank line {line.BankReference} is money out; it pays no receivable. Record the payout under its bank reference.");
        }

        var book = new ObligationBook(session);
        var city = request.CityId;
        if (request.ObligationCode is { } code)
        {
            var owner = (await book.OwnersAsync([code], cancellationToken)).GetValueOrDefault(code);
            if (owner is null || (city is not null && city != owner))
            {
                return Problems.Unprocessable("Not the city's obligation", owner is null ? $"No obligation '{code}'." : $"Obligation '{code}' is owed by {owner}, not {city}.");
            }

            city = owner;
        }

        if (await session.LoadAsync<FundMember>(city!, cancellationToken) is null)
        {
            return Problems.NotFound($"No member city '{city}'.");
        }

        var existing = await ledger.LoadAsync(session, BankLinePoster.EntryIdFor(line.BankReference), cancellationToken);
        if (existing is not null && !BankMatch.Records(existing, line.Amount))
        {
            return Problems.Conflict("Bank reference posted", $"Entry {existing.Id} was posted under bank reference {line.BankReference} with another amount; correct that entry first.");
        }

        var outcome = existing is not null
            ? BankLinePoster.AlreadyPosted(line, existing)
            : await poster.PostAsync(
                session, book, [], line, new BankLineTarget(city!, request.ObligationCode, request.AllocationId),
                await ledger.OpenValueDateAsync(line.Date, cancellationToken), BankLinePoster.SourceOf(Caller.Source(http), line), cancellationToken);
        BankLinePoster.Apply(line, outcome);
        (line.MatchedBy, line.MatchedAt) = (Caller.Name(http), ledger.Now);
        session.Store(line);
        var changes = outcome.Changes ?? [];
        ledger.Record(session, changes);
        var status = changes.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status201Created;
        var result = IdempotencyKeys.Complete(http, session, status, BankLineResponse.From(line), BankLineEndpoints.Location(line.Id));
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }
}
