using System.Globalization;
using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Members;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts;
using Platform.Contracts.Fund;
using Platform.Idempotency;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Contributions;

/// <summary>
/// A period's call: <c>formula</c> is <c>fixed-ratios</c> (with <c>ratios</c>, e.g. {"yunnan":1,"guizhou":5,"sichuan":4}),
/// <c>population</c> or <c>gdp</c> (over <c>cities</c>, or every member).
/// </summary>
public sealed record ContributionCallRequest(string? Period, decimal? Total, DateOnly? DueDate, string? Formula, IReadOnlyDictionary<string, decimal>? Ratios, IReadOnlyList<string>? Cities,
    DateOnly? CalledOn = null);

/// <summary>
/// Finance calls the members' contributions for a period (区域间共补): the total split by the agreement's formula with the
/// largest-remainder method, a receivable and an obligation with a due date per city, and <see cref="ContributionCalled"/>
/// per city. One call per period: a second is refused (409).
/// </summary>
public static class CallContributions
{
    public static async Task<IResult> HandleAsync(
        ContributionCallRequest request, IDocumentSession session, FundLedger ledger, EventOutbox outbox, HttpContext http, CancellationToken cancellationToken)
    {
        long total = 0;
        var kind = request.Formula switch { "fixed-ratios" => FormulaKind.FixedRatios, "population" => FormulaKind.Population, "gdp" => FormulaKind.Gdp, _ => (FormulaKind?)null };
        var validation = new RequestValidation()
            .RequireText(request.Period, "period", 40)
            .Require(request.Period is null || request.Period.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'), "period", "'period' holds letters, digits and dashes (2026, 2026-H1).")
            .Require(request.Total is { } t && Fen.TryFromYuan(t, out total) && total > 0, "total", "'total' is a positive number of yuan exact to the fen.")
            .Require(request.DueDate is not null, "dueDate", "'dueDate' is required.")
            .Require(request.CalledOn is null || request.CalledOn <= ledger.Today, "calledOn", "'calledOn' is not in the future.")
            .Require(request.Cities is null || request.Cities.All(PlainText.IsPlain), "cities", "'cities' are plain city ids.")
            .Require(kind is not null, "formula", "'formula' is fixed-ratios, population or gdp.")
            .Require(kind != FormulaKind.FixedRatios || request.Ratios is { Count: > 0 }, "ratios", "'ratios' are required for fixed-ratios.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        // A call cannot fall due before it is made: the days between would be charged as late.
        var calledOn = request.CalledOn ?? ledger.Today;
        if (request.DueDate < calledOn)
        {
            return Problems.Unprocessable("Due before the call", $"'dueDate' {request.DueDate:yyyy-MM-dd} is before the call ({calledOn:yyyy-MM-dd}); a city cannot be late before it is asked.");
        }

        var callId = ContributionCall.IdFor(request.Period!);
        if (await session.LoadAsync<ContributionCall>(callId, cancellationToken) is not null)
        {
            throw new FundRuleException("Already called", $"Contributions for period {request.Period} were already called.", conflict: true);
        }

        var formula = new ContributionFormula(kind!.Value, request.Ratios);
        var members = await MembersAsync(session, kind.Value == FormulaKind.FixedRatios ? [.. request.Ratios!.Keys] : request.Cities, cancellationToken);
        var shares = formula.Split(total, members);
        var weights = formula.Weights(members).ToDictionary(w => w.PartyId, w => w.Weight);
        var inputs = new Dictionary<string, string>
        {
            ["period"] = request.Period!,
            ["total"] = Fen.ToYuan(total).ToString(CultureInfo.InvariantCulture),
            ["formula"] = formula.Name,
            ["weights"] = string.Join("; ", weights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key} {w.Value.ToString(CultureInfo.InvariantCulture)}")),
            ["rounding"] = "largest remainder in fen (domain.md §4.1)",
        };
        var source = EntrySource.FromRule("contribution-formula", 1, inputs) with { RequestedBy = Caller.Name(http), IdempotencyKey = Caller.Source(http).IdempotencyKey };
        var header = new EntryHeader(EntryKinds.ContributionCall, Currencies.Cny, $"Contributions called for {request.Period} ({formula.Name})", source);
        var draft = await ledger.ValidateAsync(new EntryDraft(header, calledOn, ContributionPosting.Call(shares)), cancellationToken);
        var posted = draft.Post(callId, ledger.Now);
        var call = new ContributionCall
        {
            Id = callId, Period = request.Period!, Total = total, Formula = formula.Name, Weights = weights, Shares = shares, DueDate = request.DueDate!.Value,
            EntryId = posted.EntryId, CalledBy = Caller.Name(http), CalledAt = ledger.Now,
        };
        session.Insert(call);
        foreach (var (city, share) in shares.Where(s => s.Value > 0))
        {
            session.Insert(new Obligation
            {
                Id = EntryIds.ForReference($"contribution:{request.Period}:{city}"), CityId = city, Kind = ObligationKind.Contribution, Amount = share,
                DueDate = call.DueDate, Code = ContributionCall.CodeFor(call.Period, city), Description = $"Contribution for {call.Period}", SourceId = callId, CreatedAt = ledger.Now,
            });
            outbox.Enqueue(session, city, new ContributionCalled(callId, call.Period, city, Currencies.Cny, Fen.ToYuan(share), call.DueDate, formula.Name, call.CalledAt));
        }

        LedgerChange[] changes = [LedgerChange.New(posted)];
        ledger.Record(session, changes);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, ContributionCallResponse.From(call), $"{CompensationFundModule.RoutePrefix}/contribution-calls/{call.Period}");
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }

    private static async Task<IReadOnlyList<MemberSize>> MembersAsync(IQuerySession session, IReadOnlyList<string>? cities, CancellationToken cancellationToken)
    {
        var members = cities is { Count: > 0 }
            ? await session.LoadManyAsync<FundMember>(cancellationToken, cities)
            : await session.Query<FundMember>().Where(m => m.JoinedAt != null).ToListAsync(cancellationToken);
        var unknown = (cities ?? []).Except(members.Select(m => m.CityId), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new FundRuleException("Unknown member", $"No member city {string.Join(", ", unknown.Select(u => $"'{u}'"))}.");
        }

        return [.. members.Select(m => new MemberSize(m.CityId, m.Population, m.GdpCny))];
    }
}
