using CompensationFund.Api.Domain.Accounts;
using CompensationFund.Api.Domain.Compensation;
using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Ledger;
using CompensationFund.Api.Domain.Members;
using CompensationFund.Api.Domain.Money;
using CompensationFund.Api.Infrastructure.Ledger;
using Marten;
using Platform.Contracts;
using Platform.Contracts.Evaluation;
using Platform.Contracts.Fund;
using Platform.Contracts.Trust;
using Platform.Messaging.Envelope;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;

namespace CompensationFund.Api.Integration.Evaluation;

/// <summary>
/// An evaluation round was published. Only a round that passed the reliability gate moves money (domain.md §4.4): its
/// grades scale future compensation, its rewards are paid from the incentive pool and its penalties charged as obligations.
/// An unreliable round changes nothing in the fund.
/// </summary>
public sealed class EvaluationPublishedHandler(FundLedger ledger, EventOutbox outbox, ILogger<EvaluationPublishedHandler> logger)
    : IIntegrationEventHandler<EvaluationPublished>
{
    public static readonly string EventType = IntegrationEventAttribute.NameOf<EvaluationPublished>();

    public async Task HandleAsync(EvaluationPublished round, EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (!round.Reliable)
        {
            logger.LogInformation("Evaluation round {RoundId} is not reliable: its rewards and penalties are not applied", round.RoundId);
            return;
        }

        // A city the fund has not seen join yet is waited for (the round is parked), never skipped: its reward would be lost.
        var members = await MemberRecords.RequireJoinedAsync(session, round.Results.Select(r => r.CityId), $"Evaluation round {round.RoundId}", cancellationToken);
        if (members.Values.Any(m => m.GradeRoundId == round.RoundId))
        {
            return;
        }

        foreach (var result in round.Results.Where(r => members.ContainsKey(r.CityId)))
        {
            if (members[result.CityId].Grade(result.Grade, round.RoundId, round.PublishedAt))
            {
                session.Update(members[result.CityId]);
            }
        }

        var changes = new List<LedgerChange>();
        var today = await ledger.OpenValueDateAsync(ledger.DateOf(round.PublishedAt), cancellationToken);
        await RewardAsync(round, envelope, members, today, changes, session, cancellationToken);
        await PenalizeAsync(round, envelope, members, today, changes, session, cancellationToken);
        ledger.Record(session, changes);
    }

    private async Task RewardAsync(
        EvaluationPublished round, EventEnvelope envelope, Dictionary<string, FundMember> members, DateOnly valueDate, List<LedgerChange> changes,
        IDocumentSession session, CancellationToken cancellationToken)
    {
        var awarded = round.Results.Where(r => r.RewardAmount is > 0 && members.ContainsKey(r.CityId)).Select(r => (r.CityId, Awarded: Fen.FromYuan(r.RewardAmount!.Value), Tier: members.GetValueOrDefault(r.CityId)?.TrustTier ?? TrustTiers.Insufficient)).ToList();
        if (awarded.Count == 0)
        {
            return;
        }

        var live = await ledger.Balances.LiveAsync([FundAccounts.ThirdPartyPool, FundAccounts.Bank], cancellationToken);
        var available = Math.Min(live[FundAccounts.ThirdPartyPool].Balance.Lowest(NormalSide.Credit), live[FundAccounts.Bank].Balance.Lowest(NormalSide.Debit));
        foreach (var payment in RewardRule.Pay(awarded, available).Where(p => p.Paid > 0))
        {
            var source = Source(envelope, round, payment.CityId, "reward", payment.Note);
            var header = new EntryHeader(EntryKinds.Reward, round.Currency, $"Reward of evaluation round {round.Period} to {payment.CityId}", source);
            var lines = CompensationPosting.Reserve(payment.CityId, payment.Paid, FundAccounts.ThirdPartyPool).Concat(CompensationPosting.PayOut(payment.CityId, payment.Paid)).ToList();
            var draft = await ledger.ValidateAsync(new EntryDraft(header, valueDate, lines), cancellationToken);
            changes.Add(LedgerChange.New(draft.Post(EntryIds.ForReference($"reward:{round.RoundId}:{payment.CityId}"), ledger.Now)));
            outbox.Enqueue(session, payment.CityId, new RewardPaid(round.RoundId, payment.CityId, round.Currency, Fen.ToYuan(payment.Paid), Fen.ToYuan(payment.Awarded), ledger.Now));
        }
    }

    private async Task PenalizeAsync(
        EvaluationPublished round, EventEnvelope envelope, Dictionary<string, FundMember> members, DateOnly valueDate, List<LedgerChange> changes,
        IDocumentSession session, CancellationToken cancellationToken)
    {
        foreach (var result in round.Results.Where(r => r.PenaltyAmount is > 0 && members.ContainsKey(r.CityId)))
        {
            var amount = Fen.FromYuan(result.PenaltyAmount!.Value);
            var id = EntryIds.ForReference($"evaluation-penalty:{round.RoundId}:{result.CityId}");
            var header = new EntryHeader(EntryKinds.EvaluationPenalty, round.Currency, $"Penalty of evaluation round {round.Period} on {result.CityId}", Source(envelope, round, result.CityId, "penalty", null));
            var draft = await ledger.ValidateAsync(new EntryDraft(header, valueDate, ContributionPosting.Charge(result.CityId, amount)), cancellationToken);
            changes.Add(LedgerChange.New(draft.Post(id, ledger.Now)));
            session.Insert(new Obligation
            {
                Id = id, CityId = result.CityId, Kind = ObligationKind.Penalty, Amount = amount, DueDate = valueDate.AddDays(30),
                Code = $"PN-{id.ToString("N")[..10].ToUpperInvariant()}", Description = $"Evaluation penalty, round {round.Period} (grade {result.Grade})",
                SourceId = round.RoundId, CreatedAt = ledger.Now,
            });
            outbox.Enqueue(session, result.CityId, new PenaltyCharged(id, result.CityId, PenaltyReasons.Evaluation, round.Currency, result.PenaltyAmount.Value, round.RoundId, ledger.Now));
        }
    }

    private static EntrySource Source(EventEnvelope envelope, EvaluationPublished round, string cityId, string what, string? note)
    {
        var result = round.Results.First(r => r.CityId == cityId);
        var inputs = new Dictionary<string, string>
        {
            ["roundId"] = round.RoundId.ToString(), ["period"] = round.Period, ["kind"] = round.Kind, ["reliable"] = "true",
            ["grade"] = result.Grade, ["score"] = result.CompositeScore.ToString(System.Globalization.CultureInfo.InvariantCulture), ["what"] = what,
        };
        if (note is not null)
        {
            inputs["note"] = note;
        }

        return EntrySource.Event(envelope.MessageId, EventType) with { Inputs = inputs };
    }
}
