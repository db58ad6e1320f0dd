using CostSharing.Api.Domain.Incidents;
using Xunit;

namespace CostSharing.Tests.Incidents;

/// <summary>reported → confirmed → response closed → costs finalized → allocated → settled; no step out of order.</summary>
public sealed partial class IncidentTests
{
    private static DateTimeOffset Closed => Occurred.AddDays(2);

    private static DateTimeOffset Deadline => Closed.AddDays(30);

    [Fact]
    public void ConfirmingMovesAReportedIncidentOn()
    {
        var incident = Open();

        incident.Confirm(Opened.AddHours(1));

        Assert.Equal((IncidentStatus.Confirmed, (DateTimeOffset?)Opened.AddHours(1)), (incident.Status, incident.ConfirmedAt));
    }

    [Fact]
    public void EveryStepRefusesToRunFromTheWrongStateNamingBoth()
    {
        var incident = Confirmed();

        AssertRefused(() => incident.Confirm(Opened), "Wrong incident state", conflict: true, "is confirmed; only a reported incident may be confirmed");
        AssertRefused(() => Open().CloseResponse(Closed, 30, Closed), "Wrong incident state", conflict: true, "only a confirmed incident may have its response closed");
        AssertRefused(() => incident.FinalizeCosts(0, [], Deadline.AddDays(1)), "Wrong incident state", conflict: true, "only a response-closed incident may have its costs finalized");
        AssertRefused(() => incident.RecordAllocation(Guid.NewGuid(), Closed), "Wrong incident state", conflict: true, "only a costs-finalized incident may be allocated");
        AssertRefused(() => incident.RecordCorrection(Guid.NewGuid(), Guid.NewGuid()), "Wrong incident state", conflict: true, "only a allocated incident may have its allocation corrected");
        AssertRefused(() => incident.Settle(Closed), "Wrong incident state", conflict: true, "only a allocated incident may be settled");
        Assert.Equal(IncidentStatus.Confirmed, incident.Status);
    }

    [Fact]
    public void ClosingTheResponseSetsTheClaimDeadline()
    {
        var incident = Confirmed();

        incident.CloseResponse(Closed, 30, Closed.AddHours(5));

        Assert.Equal((IncidentStatus.ResponseClosed, (DateTimeOffset?)Closed, (DateTimeOffset?)Deadline), (incident.Status, incident.ResponseClosedAt, incident.ClaimDeadline));
    }

    [Fact]
    public void ResponseMayCloseAtTheOccurrenceOrNowButNotOutsideThem()
    {
        var atOccurrence = Confirmed();
        atOccurrence.CloseResponse(Occurred, 1, Closed);
        var atNow = Confirmed();
        atNow.CloseResponse(Closed, 1, Closed);

        Assert.Equal((DateTimeOffset?)Occurred.AddDays(1), atOccurrence.ClaimDeadline);
        Assert.Equal((DateTimeOffset?)Closed.AddDays(1), atNow.ClaimDeadline);
        AssertRefused(() => Confirmed().CloseResponse(Occurred.AddTicks(-1), 30, Closed), "Invalid closing time", conflict: false);
        AssertRefused(() => Confirmed().CloseResponse(Closed.AddTicks(1), 30, Closed), "Invalid closing time", conflict: false);
    }

    [Fact]
    public void CostsWaitForEveryPendingClaim()
    {
        var incident = ResponseClosed();

        AssertRefused(() => incident.FinalizeCosts(2, ["anqing", "hefei", "wuhu"], Deadline.AddDays(1)), "Claims still pending", conflict: true, "2 cost claim(s) await a decision");

        Assert.Equal(IncidentStatus.ResponseClosed, incident.Status);
    }

    [Fact]
    public void AllocationIsRecordedOnceAndThenOnlyCorrected()
    {
        var incident = CostsFinalized();
        var first = Guid.NewGuid();
        var correction = Guid.NewGuid();

        incident.RecordAllocation(first, Deadline.AddDays(2));
        AssertRefused(() => incident.RecordAllocation(Guid.NewGuid(), Deadline.AddDays(3)), "Allocation already finalized", conflict: true, first.ToString());
        AssertRefused(() => incident.RecordCorrection(correction, Guid.NewGuid()), "Not the allocation in force", conflict: true, first.ToString());
        incident.RecordCorrection(first, correction);

        Assert.Equal((IncidentStatus.Allocated, (DateTimeOffset?)Deadline.AddDays(2), (Guid?)correction), (incident.Status, incident.AllocatedAt, incident.CurrentAllocationId));
    }

    [Fact]
    public void AllocatedIncidentSettles()
    {
        var incident = CostsFinalized();
        incident.RecordAllocation(Guid.NewGuid(), Deadline.AddDays(2));

        incident.Settle(Deadline.AddDays(20));

        Assert.Equal((IncidentStatus.Settled, (DateTimeOffset?)Deadline.AddDays(20)), (incident.Status, incident.SettledAt));
        AssertRefused(() => incident.Settle(Deadline.AddDays(21)), "Wrong incident state", conflict: true);
    }

    private static Incident Confirmed()
    {
        var incident = Open();
        incident.Confirm(Opened);
        return incident;
    }

    private static Incident ResponseClosed()
    {
        var incident = Confirmed();
        incident.CloseResponse(Closed, 30, Closed);
        return incident;
    }

    private static Incident CostsFinalized()
    {
        var incident = ResponseClosed();
        incident.FinalizeCosts(0, ["anqing", "hefei", "wuhu"], Closed.AddDays(1));
        return incident;
    }
}
