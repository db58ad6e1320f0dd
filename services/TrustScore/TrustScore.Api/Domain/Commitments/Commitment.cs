namespace TrustScore.Api.Domain.Commitments;

/// <summary>A dated fact about a commitment, kept as its evidence (a payment, a report, a confirmation, a default).</summary>
public sealed record EvidenceNote(DateTimeOffset At, string What, string? Reference);

/// <summary>A settled state of a commitment from <see cref="At"/> on; the last one known at a date is the commitment's outcome then.</summary>
public sealed record CommitmentOutcome(DateTimeOffset At, CommitmentStatus Status, double Fulfilment);

/// <summary>
/// Something a member city owes the community by a date (domain.md §3.4: trust is the degree to which commitments are
/// honoured; §4.3: weight, due date, verification source, fulfilment fraction). Opened from what really happens (an
/// allocation, a contribution call, an incident, a warning, a pledge) and settled by the facts that verify it.
/// </summary>
/// <remarks>
/// Implementation note: the outcome is a timeline, not a single field, so the score at any past date is computed from
/// what was on record then (a default later cured by payment still shows between the two). A commitment struck by an
/// upheld appeal is withdrawn from its decision on and counts nowhere after it.
/// </remarks>
public sealed partial class Commitment
{
    public string Id { get; set; } = string.Empty;

    /// <summary>The city that owes it: the subject of the evidence.</summary>
    public string Debtor { get; set; } = string.Empty;

    /// <summary>Whom it is owed to: cities, <c>fund</c>, <c>coordinating-body</c>.</summary>
    public List<string> Creditors { get; set; } = [];

    public CommitmentKind Kind { get; set; }

    public double Weight { get; set; }

    public VerificationSource Source { get; set; }

    public string Description { get; set; } = string.Empty;

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>A default of this commitment is severe (an agreed settlement unpaid past its deadline): tier D directly.</summary>
    public bool SevereIfDefaulted { get; set; }

    /// <summary>Current status, kept for queries; the timeline in <see cref="Outcomes"/> is the record.</summary>
    public CommitmentStatus Status { get; set; }

    public double? Fulfilment { get; set; }

    public List<CommitmentOutcome> Outcomes { get; set; } = [];

    public List<EvidenceNote> Evidence { get; set; } = [];

    public DateTimeOffset? RemediedAt { get; set; }

    public string? Remedy { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public static Commitment Open(
        string id, string debtor, IEnumerable<string> creditors, CommitmentKind kind, double weight, VerificationSource source,
        string description, DateTimeOffset openedAt, DateTimeOffset dueAt, string? reference = null)
    {
        if (!double.IsFinite(weight) || weight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "A commitment's weight is positive.");
        }

        var commitment = new Commitment
        {
            Id = id, Debtor = debtor, Creditors = [.. creditors], Kind = kind, Weight = weight, Source = source, Description = description,
            OpenedAt = openedAt, DueAt = dueAt, Status = CommitmentStatus.Open,
        };
        commitment.Note(openedAt, $"Opened: {description}, due {dueAt:O}.", reference);
        return commitment;
    }

    /// <summary>Settles a commitment that is kept or missed as a whole (a report, an acknowledgement, a pledge, an evaluation).</summary>
    public void Settle(double fulfilment, DateTimeOffset at, string what, string? reference = null)
    {
        if (!double.IsFinite(fulfilment) || fulfilment < 0 || fulfilment > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fulfilment), fulfilment, "A fulfilment fraction is in [0, 1].");
        }

        if (Status == CommitmentStatus.Waived)
        {
            return;
        }

        var status = fulfilment == 0 ? CommitmentStatus.Defaulted
            : at <= DueAt && fulfilment == 1 ? CommitmentStatus.FulfilledOnTime
            : CommitmentStatus.FulfilledLate;
        SetOutcome(at, status, fulfilment);
        Note(at, what, reference);
    }

    /// <summary>
    /// Defaults the commitment when it is still open past its due date and the grace period; what was done
    /// by then counts partly. Returns true when it defaulted now.
    /// </summary>
    public bool DefaultIfOverdue(DateTimeOffset now, TimeSpan gracePeriod)
    {
        if (Status != CommitmentStatus.Open || now <= DefaultsAt(gracePeriod))
        {
            return false;
        }

        SetOutcome(now, CommitmentStatus.Defaulted, PartialCredit());
        Note(now, $"Defaulted: not fulfilled by {DueAt:O} and a grace period of {gracePeriod.TotalDays:0.##} days.", null);
        return true;
    }

    public DateTimeOffset DefaultsAt(TimeSpan gracePeriod) => DueAt + gracePeriod;

    /// <summary>Strikes the commitment (an upheld appeal, or nothing owed any more): it stops counting from <paramref name="at"/>.</summary>
    public void Withdraw(DateTimeOffset at, string because)
    {
        WithdrawnAt ??= at;
        Status = CommitmentStatus.Waived;
        Note(at, $"Withdrawn: {because}", null);
    }

    /// <summary>A documented remedy of a default (信用修复): the direct tier D lifts after the waiting period.</summary>
    public void RecordRemedy(DateTimeOffset at, string remedy)
    {
        RemediedAt ??= at;
        Remedy ??= remedy;
        Note(at, $"Remedy recorded: {remedy}", null);
    }

    private void SetOutcome(DateTimeOffset at, CommitmentStatus status, double fulfilment)
    {
        Outcomes.Add(new CommitmentOutcome(at, status, fulfilment));
        (Status, Fulfilment) = (status, fulfilment);
    }

    private void Note(DateTimeOffset at, string what, string? reference) => Evidence.Add(new EvidenceNote(at, what, reference));
}
