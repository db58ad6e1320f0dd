namespace TrustScore.Api.Domain.Commitments;

/// <summary>What a city promised (domain.md §4.3: payment due, report due, resource pledged, response time).</summary>
public enum CommitmentKind
{
    /// <summary>Pay its net settlement of a finalized allocation by the instruction's due date (pay-in cities only).</summary>
    Settlement,

    /// <summary>Pay its contribution to the common fund by the call's due date.</summary>
    Contribution,

    /// <summary>An origin city reports an incident within its responsibility list's deadline (domain.md §3.1).</summary>
    OriginReport,

    /// <summary>Acknowledge a risk warning that reached the city before its deadline (domain.md §3.5).</summary>
    WarningAcknowledgement,

    /// <summary>Keep its base-data snapshot within the agreed refresh interval (domain.md §3.5).</summary>
    InformationSharing,

    /// <summary>Resources or response times pledged before the coordinating body, which confirms their fulfilment.</summary>
    Pledge,

    /// <summary>The responsibilities a published evaluation round assessed (domain.md §3.3); fulfilment is the composite score.</summary>
    Evaluation,
}

/// <summary>Who vouches for the outcome; weaker sources count less (the discount in the explanation).</summary>
public enum VerificationSource
{
    /// <summary>An accredited third party or a system of record the city does not control (the fund's ledger).</summary>
    ThirdParty,

    /// <summary>Established jointly by the parties and the coordinating body.</summary>
    Joint,

    /// <summary>Confirmed by the creditor only.</summary>
    Counterparty,

    /// <summary>Declared by the debtor itself.</summary>
    Self,
}

/// <summary>Where a commitment stands.</summary>
public enum CommitmentStatus
{
    Open,
    FulfilledOnTime,

    /// <summary>Fulfilled after the due date, or in part: counts with a fraction (<see cref="Commitment.Fulfilment"/>).</summary>
    FulfilledLate,

    /// <summary>Not fulfilled by the due date and the grace period; what was done counts partly.</summary>
    Defaulted,

    /// <summary>Released: nothing owed any more, or struck by an upheld appeal. Not evidence.</summary>
    Waived,
}
