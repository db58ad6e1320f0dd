using System.Globalization;
using System.Net;
using System.Text;
using CompensationFund.Tests.Support;
using Platform.Contracts;
using Platform.Testing;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Ledger;

/// <summary>
/// The bank test's domain operations, racing the manual ones on the same ledger: compensation decided by two coordinators
/// (approve, disburse, clawback, hold-back release), bank imports (some with a failing line), back-dated payments and late
/// penalties. Each answer outside its operation's documented ones is a violation.
/// </summary>
public sealed partial class BankTests
{
    private const decimal ContributionEach = 1_000m;

    /// <summary>Today on the ledger's calendar (Asia/Shanghai, eight hours ahead of UTC).</summary>
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>Contributions are due 20 days ago, so every payment or import dated since is back-dated against days a penalty may have charged.</summary>
    private static readonly DateOnly Due = Today.AddDays(-20);

    /// <summary>One finalized allocation per city, each making the next city an affected one with a compensation proposal.</summary>
    private async Task<IReadOnlyList<Guid>> ProposeAllAsync(List<string> cities)
    {
        var allocations = new List<Guid>();
        for (var i = 0; i < cities.Count; i++)
        {
            var (origin, affected) = (cities[i], cities[(i + 1) % cities.Count]);
            var allocation = Guid.NewGuid();
            allocations.Add(allocation);
            await fund.PublishAsync(Topics.CostSharing, allocation.ToString(), Allocations.Finalized(
                allocation, new Dictionary<string, decimal> { [origin] = 1m, [affected] = -1m },
                new Dictionary<string, decimal> { [origin] = 9_000m, [affected] = 2_000m + (i * 700m) }));
        }

        using var finance = fund.Finance();
        var proposals = new List<Guid>();
        foreach (var allocation in allocations)
        {
            var items = await Eventually.Until(
                async () => (await (await finance.GetAsync($"/api/fund/compensation?allocationId={allocation}")).JsonAsync(HttpStatusCode.OK)).GetProperty("items"),
                items => items.GetArrayLength() > 0, because: "the fund to propose compensation");
            proposals.Add(items[0].GetProperty("id").GetGuid());
        }

        return proposals;
    }

    /// <summary>A contribution call on every city, called 25 days ago and due 20 days ago: each city is in arrears from the start.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> CallContributionsAsync(HttpClient finance, List<string> cities)
    {
        var period = "jepsen" + Guid.NewGuid().ToString("N")[..8];
        var body = new
        {
            period, total = ContributionEach * cities.Count, dueDate = Due, calledOn = Today.AddDays(-25), formula = "fixed-ratios",
            ratios = cities.ToDictionary(c => c, _ => 1m),
        };
        await (await finance.PostAsync("/api/fund/contribution-calls", body)).JsonAsync(HttpStatusCode.Created);
        return cities.ToDictionary(c => c, c => $"CC-{period}-{c}");
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static Task ApproveAsync(HttpClient coordinator, Random random, BankUniverse universe, BankHistory history, string key)
    {
        // Mostly the proposed amount, sometimes less: two approvers asking for different amounts is a conflict, never a half approval.
        object body = random.Next(5) == 0 ? new { amount = 100m } : new { };
        return ActOnProposalAsync(coordinator, Pick(random, universe.Proposals), "approve", body, history, key);
    }

    private static Task DisburseAsync(HttpClient finance, Random random, BankUniverse universe, BankHistory history, string key) =>
        ActOnProposalAsync(finance, Pick(random, universe.Proposals), "disburse", new { }, history, key);

    private static Task ClawBackAsync(HttpClient coordinator, Random random, BankUniverse universe, BankHistory history, string key)
    {
        var amount = Pick(random, [1m, 3m, 10m, 500m]);
        return ActOnProposalAsync(coordinator, Pick(random, universe.Proposals), "clawback", new { amount, reason = $"jepsen {amount}" }, history, key);
    }

    private static Task ReleaseAsync(HttpClient coordinator, Random random, BankUniverse universe, BankHistory history, string key) =>
        ActOnProposalAsync(coordinator, Pick(random, universe.Proposals), "hold-back/release", new { }, history, key);

    /// <summary>One step of a proposal's lifecycle; a conflict or a broken rule is an allowed answer, anything else a violation.</summary>
    private static async Task ActOnProposalAsync(HttpClient caller, Guid id, string action, object body, BankHistory history, string key)
    {
        var response = await caller.PostAsync($"/api/fund/compensation/{id}/{action}", body, key);
        var operation = "compensation-" + action.Split('/')[^1];
        history.Record(await OutcomeAsync(response, key, operation, _ => [id]), HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
    }

    /// <summary>
    /// A bank statement paying cities' contributions on back-dated days; a third of the files carry one line not exact to the fen,
    /// which must refuse the whole file (400) before anything is written.
    /// </summary>
    private static async Task ImportAsync(HttpClient finance, Random random, BankUniverse universe, BankHistory history, string key)
    {
        var csv = new StringBuilder("date,amount,payer,reference,bank_reference\n");
        var references = new List<string>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var city = Pick(random, universe.Cities);
            var reference = "J" + Guid.NewGuid().ToString("N")[..12];
            references.Add(reference);
            var amount = (random.Next(1_000, 30_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{Today.AddDays(-random.Next(1, 20)):yyyy-MM-dd},{amount},{city},{universe.Codes[city]},{reference}\n");
        }

        var failing = random.Next(3) == 0;
        if (failing)
        {
            var city = Pick(random, universe.Cities);
            var reference = "J" + Guid.NewGuid().ToString("N")[..12];
            references.Add(reference);
            csv.Append(CultureInfo.InvariantCulture, $"{Today.AddDays(-1):yyyy-MM-dd},1.234,{city},{universe.Codes[city]},{reference}\n");
        }

        var outcome = await OutcomeAsync(await finance.PostCsvAsync(csv.ToString(), key), key, failing ? "import-failing" : "import", _ => []);
        if (failing)
        {
            history.Record(outcome, HttpStatusCode.BadRequest);
            references.ForEach(history.RefusedReferences.Enqueue);
        }
        else
        {
            history.Record(outcome, HttpStatusCode.Created, HttpStatusCode.Conflict);
        }
    }

    /// <summary>A payment received some days ago and recorded only now: a late penalty already charged on those days must be recomputed.</summary>
    private static async Task PayBackDatedAsync(HttpClient finance, Random random, BankUniverse universe, BankHistory history, string key)
    {
        var city = Pick(random, universe.Cities);
        var body = new
        {
            cityId = city, amount = random.Next(1_000, 40_000) / 100m, receivedOn = Today.AddDays(-random.Next(0, 20)),
            bankReference = "P" + Guid.NewGuid().ToString("N")[..12], obligationCode = universe.Codes[city],
        };
        var response = await finance.PostAsync("/api/fund/payments", body, key);
        history.Record(await OutcomeAsync(response, key, "payment", _ => []), HttpStatusCode.Created, HttpStatusCode.Conflict);
    }

    /// <summary>Late penalties assessed up to a random recent day: each day of each contribution charged once.</summary>
    private static async Task AssessPenaltiesAsync(HttpClient finance, Random random, BankHistory history, string key)
    {
        var response = await finance.PostAsync("/api/fund/penalties/late-payment", new { asOf = Today.AddDays(-random.Next(0, 12)) }, key);
        history.Record(await OutcomeAsync(response, key, "penalties", _ => []), HttpStatusCode.OK, HttpStatusCode.Conflict);
    }
}
