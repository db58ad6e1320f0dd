using System.Globalization;
using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts;
using Platform.Contracts.Fund;
using Platform.Idempotency;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Contributions;

public sealed record AssessmentRequest(DateOnly? AsOf);

public sealed record PenaltyResponse(string CityId, string Obligation, string PenaltyCode, DateOnly From, DateOnly Through, int Days, decimal Amount);

public sealed record AssessmentResponse(DateOnly AsOf, string Rule, int RuleVersion, IReadOnlyList<PenaltyResponse> Penalties, decimal Total);

/// <summary>
/// Finance runs the late-payment penalty rule up to a date: every contribution paid late or still unpaid is charged for the
/// days not charged before, as a penalty obligation (due in 15 days) with its entry and <see cref="PenaltyCharged"/>.
/// Running it again for the same date charges nothing more.
/// </summary>
public static class LatePaymentPenalties
{
    public const int DaysToPay = 15;

    public static async Task<IResult> HandleAsync(
        AssessmentRequest request, IDocumentSession session, FundLedger ledger, EventOutbox outbox, HttpContext http, CancellationToken cancellationToken)
    {
        var asOf = request.AsOf ?? ledger.Today;
        if (asOf > ledger.Today)
        {
            return Problems.BadRequest("asOf", "'asOf' is not in the future.");
        }

        var candidates = await session.Query<Obligation>()
            .Where(o => o.Kind == ObligationKind.Contribution && o.DueDate < asOf)
            .ToListAsync(cancellationToken);
        var changes = new List<LedgerChange>();
        var penalties = new List<PenaltyResponse>();
        foreach (var obligation in candidates.OrderBy(o => o.Code, StringComparer.Ordinal))
        {
            if (LatePenaltyRule.Assess(obligation, asOf) is not { } penalty)
            {
                continue;
            }

            obligation.PenaltyAssessedThrough = asOf;
            session.Store(obligation);
            if (penalty.Amount == 0)
            {
                continue;
            }

            var penaltyId = EntryIds.ForReference($"late-penalty:{obligation.Id}:{penalty.From:yyyy-MM-dd}:{asOf:yyyy-MM-dd}");
            obligation.Assessments.Add(new PenaltyAssessment(penalty.From, penalty.Through, penalty.Amount, penaltyId));
            var code = $"PN-{penaltyId.ToString("N")[..10].ToUpperInvariant()}";
            var inputs = new Dictionary<string, string>
            {
                ["obligation"] = obligation.Code,
                ["days"] = $"{penalty.From:yyyy-MM-dd}..{penalty.Through:yyyy-MM-dd} ({penalty.Days})",
                ["overdueFenDays"] = penalty.OverdueFenDays.ToString(CultureInfo.InvariantCulture),
                ["rate"] = "0.05% per day",
            };
            var source = EntrySource.FromRule(LatePenaltyRule.Name, LatePenaltyRule.Version, inputs) with { RequestedBy = Caller.Name(http) };
            var header = new EntryHeader(EntryKinds.LatePenalty, Currencies.Cny, $"Late-payment penalty on {obligation.Code}, {penalty.Days} days to {asOf:yyyy-MM-dd}", source);
            var draft = await ledger.ValidateAsync(new EntryDraft(header, asOf, ContributionPosting.Charge(obligation.CityId, penalty.Amount)), cancellationToken);
            changes.Add(LedgerChange.New(draft.Post(penaltyId, ledger.Now)));
            session.Insert(new Obligation
            {
                Id = penaltyId, CityId = obligation.CityId, Kind = ObligationKind.Penalty, Amount = penalty.Amount, DueDate = asOf.AddDays(DaysToPay), Code = code,
                Description = $"Late-payment penalty on {obligation.Code}", SourceId = obligation.Id, CreatedAt = ledger.Now,
            });
            outbox.Enqueue(session, obligation.CityId, new PenaltyCharged(penaltyId, obligation.CityId, PenaltyReasons.LatePayment, Currencies.Cny, Fen.ToYuan(penalty.Amount), obligation.Id, ledger.Now));
            penalties.Add(new PenaltyResponse(obligation.CityId, obligation.Code, code, penalty.From, penalty.Through, penalty.Days, Fen.ToYuan(penalty.Amount)));
        }

        ledger.Record(session, changes);
        var response = new AssessmentResponse(asOf, LatePenaltyRule.Name, LatePenaltyRule.Version, penalties, penalties.Sum(p => p.Amount));
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status200OK, response);
        await ledger.CommitAsync(session, changes, cancellationToken);
        return result;
    }
}
