using System.Net;
using System.Text.Json;
using CompensationFund.Api.Infrastructure.Reports;
using CompensationFund.Tests.Support;
using Marten;
using Platform.Testing;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Reports;

/// <summary>
/// Reconciliation as a background job: queued with 202 and its location, run by the worker with visible progress, its report
/// kept; a job left running by a process that died is taken up again once its lease lapses, one still leased is not.
/// </summary>
public sealed class ReconciliationJobTests(FundFixture fund) : IClassFixture<FundFixture>
{
    public static async Task<JsonElement> CompletedAsync(HttpClient client, string location) =>
        await Eventually.Until(
            async () => await (await client.GetAsync(location)).JsonAsync(HttpStatusCode.OK),
            job => job.GetProperty("status").GetString() is "completed" or "failed",
            timeout: TimeSpan.FromSeconds(90), because: "the reconciliation job to finish");

    [Fact]
    public async Task AJobIsQueuedThenRunsWithProgressAndKeepsItsReport()
    {
        using var finance = fund.Finance();
        using var auditor = fund.Auditor();
        await (await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:pool", 12.34m))).JsonAsync(HttpStatusCode.Created);

        var accepted = await auditor.PostAsync("/api/fund/reconciliations", new { });
        var queued = await accepted.JsonAsync(HttpStatusCode.Accepted);
        var location = accepted.Headers.Location!.ToString();
        var job = await CompletedAsync(auditor, location);

        Assert.Equal($"/api/fund/reconciliations/{queued.GetProperty("id").GetGuid()}", location);
        Assert.Equal("queued", queued.GetProperty("status").GetString());
        Assert.Equal("completed", job.GetProperty("status").GetString());
        var progress = job.GetProperty("progress");
        Assert.Equal(progress.GetProperty("stepsTotal").GetInt32(), progress.GetProperty("stepsDone").GetInt32());
        Assert.True(progress.GetProperty("eventsFolded").GetInt64() > 0);
        Assert.True(job.GetProperty("completedAt").GetDateTimeOffset() >= job.GetProperty("startedAt").GetDateTimeOffset());
        var report = job.GetProperty("report");
        Assert.Equal(0, report.GetProperty("discrepancies").GetInt32());
        Assert.True(report.GetProperty("rebuild").GetProperty("agrees").GetBoolean());
        Assert.True(report.GetProperty("chain").GetProperty("seals").GetInt64() >= 0);
        var list = await (await auditor.GetAsync("/api/fund/reconciliations")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetGuid() == queued.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task OnlyLedgerReadersStartOrReadJobsAndAnUnknownJobIsNotFound()
    {
        var city = await fund.NewCityAsync("rj");
        using var member = fund.City(city);
        using var coordinator = fund.Coordinator();

        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync("/api/fund/reconciliations", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/fund/reconciliations")).StatusCode);
        await (await coordinator.GetAsync($"/api/fund/reconciliations/{Guid.NewGuid()}")).JsonAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AJobLeftRunningByAKilledProcessIsTakenUpAgainButALeasedOneIsNot()
    {
        var store = fund.Get<IDocumentStore>();
        var now = DateTimeOffset.UtcNow;
        var abandoned = new ReconciliationJob
        {
            Id = Guid.CreateVersion7(), Status = ReconciliationJobStatus.Running, RequestedBy = "test", RequestedAt = now.AddMinutes(-10), StartedAt = now.AddMinutes(-10),
            LeaseUntil = now.AddMinutes(-8), Worker = "a-process-that-was-killed", Attempts = 1, StepsDone = 1, StepsTotal = 4, Step = "snapshots",
        };
        var leased = new ReconciliationJob
        {
            Id = Guid.CreateVersion7(), Status = ReconciliationJobStatus.Running, RequestedBy = "test", RequestedAt = now.AddMinutes(-9), StartedAt = now.AddMinutes(-1),
            LeaseUntil = now.AddHours(1), Worker = "a-live-replica", Attempts = 1, StepsTotal = 4,
        };
        await using (var session = store.LightweightSession())
        {
            session.Store(abandoned, leased);
            await session.SaveChangesAsync();
        }

        using var finance = fund.Finance();
        var job = await CompletedAsync(finance, $"/api/fund/reconciliations/{abandoned.Id}");
        var stillLeased = await (await finance.GetAsync($"/api/fund/reconciliations/{leased.Id}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(2, job.GetProperty("attempts").GetInt32());
        Assert.Equal(0, job.GetProperty("report").GetProperty("discrepancies").GetInt32());
        Assert.Equal(("running", 1), (stillLeased.GetProperty("status").GetString(), stillLeased.GetProperty("attempts").GetInt32()));
        await using var cleanup = store.LightweightSession();
        cleanup.Delete<ReconciliationJob>(leased.Id);
        await cleanup.SaveChangesAsync();
    }
}
