using System.Net;
using System.Text;
using System.Text.Json;
using CompensationFund.Tests.Support;
using Platform.Contracts;
using Platform.Testing;

namespace CompensationFund.Tests.Banking;

/// <summary>
/// Bank statement imports as a finance auditor tries them: failing lines refuse the whole file before anything
/// changes, references posted elsewhere (a payment, a settlement payment, a payout) are matched, another city's code is a
/// conflict, the upload's charset is honoured, and unmatched lines stay listed until finance matches them by hand.
/// </summary>
public sealed class BankImportTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private const string Header = "date,amount,payer,reference,bank_reference\n";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>A value date that is past in UTC and in the ledger's zone alike (Asia/Shanghai is eight hours ahead).</summary>
    private static readonly DateOnly Yesterday = Today.AddDays(-1);

    private async Task<(string City, string Code)> CalledAsync(HttpClient finance, decimal amount = 100.00m)
    {
        var city = await fund.NewCityAsync("bk");
        var period = "p" + Guid.NewGuid().ToString("N")[..8];
        var body = new { period, total = amount, dueDate = Today.AddDays(10), formula = "fixed-ratios", ratios = new Dictionary<string, decimal> { [city] = 1 } };
        await (await finance.PostAsync("/api/fund/contribution-calls", body)).JsonAsync(HttpStatusCode.Created);
        return (city, $"CC-{period}-{city}");
    }

    private static string Ref() => "B" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task AFailingLineRefusesTheWholeFileNamingItsLineAndChangesNothing()
    {
        using var finance = fund.Finance();
        var (city, code) = await CalledAsync(finance);
        var (good, future, bad) = (Ref(), Ref(), Ref());
        var csv = Header + $"{Yesterday:yyyy-MM-dd},40.00,{city},{code},{good}\n{Today.AddDays(3):yyyy-MM-dd},10.00,{city},{code},{future}\n{Yesterday:yyyy-MM-dd},1.234,{city},{code},{bad}\n";

        var refused = await (await finance.PostCsvAsync(csv)).JsonAsync(HttpStatusCode.BadRequest);

        var fields = refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(["line 3", "line 4"], fields.Order(StringComparer.Ordinal));
        Assert.Equal(100.00m, await finance.BalanceAsync($"city:{city}:contributions-receivable"));
        var fixedCsv = Header + $"{Yesterday:yyyy-MM-dd},40.00,{city},{code},{good}\n";
        var accepted = await (await finance.PostCsvAsync(fixedCsv)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("partial", Line(accepted, good).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AReferenceAlreadyPostedByAPaymentIsMatchedNotRefused()
    {
        using var finance = fund.Finance();
        var (city, code) = await CalledAsync(finance);
        var (paid, other) = (Ref(), Ref());
        var payment = await (await finance.PostAsync("/api/fund/payments", new { cityId = city, amount = 30.00m, bankReference = paid })).JsonAsync(HttpStatusCode.Created);
        var csv = Header + $"{Yesterday:yyyy-MM-dd},30.00,{city},{code},{paid}\n{Yesterday:yyyy-MM-dd},20.00,{city},{code},{other}\n";

        var import = await (await finance.PostCsvAsync(csv)).JsonAsync(HttpStatusCode.Created);

        var line = Line(import, paid);
        Assert.Equal("matched", line.GetProperty("status").GetString());
        Assert.Equal(payment.GetProperty("entryId").GetGuid(), line.GetProperty("entryId").GetGuid());
        Assert.Equal(50.00m, await finance.BalanceAsync($"city:{city}:contributions-receivable"));
    }

    [Fact]
    public async Task AReferenceAlreadyPostedByASettlementPaymentIsMatchedNotPostedAgain()
    {
        using var finance = fund.Finance();
        var (payer, payee) = (await fund.NewCityAsync("sp"), await fund.NewCityAsync("sr"));
        var allocation = Guid.NewGuid();
        await fund.PublishAsync(Topics.CostSharing, allocation.ToString(), Allocations.Finalized(allocation, new Dictionary<string, decimal> { [payer] = 80m, [payee] = -80m }));
        await Eventually.Until(async () => (await finance.GetAsync($"/api/fund/settlements/{allocation}")).StatusCode == HttpStatusCode.OK, because: "the fund to settle the allocation");
        var reference = Ref();
        await (await finance.PostAsync($"/api/fund/settlements/{allocation}/payments", new { cityId = payer, amount = 80m, bankReference = reference })).JsonAsync(HttpStatusCode.Created);
        var bank = await finance.BalanceAsync("fund:bank");

        var import = await (await finance.PostCsvAsync(Header + $"{Today:yyyy-MM-dd},80.00,{payer},{allocation},{reference}\n")).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("matched", Line(import, reference).GetProperty("status").GetString());
        Assert.Equal(bank, await finance.BalanceAsync("fund:bank"));
    }

    [Fact]
    public async Task AReferenceAlreadyPostedByAPayoutIsMatchedNotPostedAgain()
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync("po");
        var deposit = await (await finance.PostAsync("/api/fund/third-party-deposits", new { donor = "Provincial fund", amount = 50m, purpose = "flood-prevention" }))
            .JsonAsync(HttpStatusCode.Created);
        await (await finance.PostAsync($"/api/fund/third-party-deposits/{deposit.GetProperty("id").GetGuid()}/releases", new { cityId = city, amount = 50m, purpose = "flood-prevention", reason = "embankment" }))
            .JsonAsync(HttpStatusCode.OK);
        var reference = Ref();
        var payout = await (await finance.PostAsync("/api/fund/payouts", new { cityId = city, amount = 50m, bankReference = reference })).JsonAsync(HttpStatusCode.Created);
        var bank = await finance.BalanceAsync("fund:bank");

        var import = await (await finance.PostCsvAsync(Header + $"{Yesterday:yyyy-MM-dd},-50.00,{city},payout,{reference}\n")).JsonAsync(HttpStatusCode.Created);

        var line = Line(import, reference);
        Assert.Equal("matched", line.GetProperty("status").GetString());
        Assert.Equal(payout.GetProperty("entryId").GetGuid(), line.GetProperty("entryId").GetGuid());
        Assert.Equal(bank, await finance.BalanceAsync("fund:bank"));
        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:compensation-payable"));
        var reimported = await (await finance.PostCsvAsync(Header + $"{Yesterday:yyyy-MM-dd},-50.00,{city},payout,{reference}\n")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("duplicate", Line(reimported, reference).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnotherCitysCodePaidByAMemberIsAConflictNotACredit()
    {
        using var finance = fund.Finance();
        var (payer, _) = await CalledAsync(finance);
        var (owner, ownersCode) = await CalledAsync(finance);
        var reference = Ref();

        var import = await (await finance.PostCsvAsync(Header + $"{Yesterday:yyyy-MM-dd},100.00,{payer},{ownersCode},{reference}\n")).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("conflicting", Line(import, reference).GetProperty("status").GetString());
        Assert.Equal(100.00m, await finance.BalanceAsync($"city:{owner}:contributions-receivable"));
        Assert.Equal(100.00m, await finance.BalanceAsync($"city:{payer}:contributions-receivable"));
        var conflicting = await (await finance.GetAsync("/api/fund/bank-lines?status=conflicting&pageSize=200")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(conflicting.GetProperty("items").EnumerateArray(), l => l.GetProperty("bankReference").GetString() == reference);
    }

    [Fact]
    public async Task AnUnmatchedLineIsKeptAndMatchedByHandOnceAndItsReferenceIsNotUsedUp()
    {
        using var finance = fund.Finance();
        var (city, code) = await CalledAsync(finance);
        var reference = Ref();
        var csv = Header + $"{Yesterday:yyyy-MM-dd},100.00,Some Treasury,transfer,{reference}\n";
        await (await finance.PostCsvAsync(csv)).JsonAsync(HttpStatusCode.Created);
        var again = await (await finance.PostCsvAsync(csv)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("unmatched", Line(again, reference).GetProperty("status").GetString());

        var unmatched = await (await finance.GetAsync("/api/fund/bank-lines?status=unmatched&pageSize=200")).JsonAsync(HttpStatusCode.OK);
        var listed = Assert.Single(unmatched.GetProperty("items").EnumerateArray(), l => l.GetProperty("bankReference").GetString() == reference);
        var id = listed.GetProperty("id").GetGuid();
        using (var city2 = fund.City(city))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await city2.PostAsync($"/api/fund/bank-lines/{id}/match", new { obligationCode = code })).StatusCode);
        }

        var matched = await (await finance.PostAsync($"/api/fund/bank-lines/{id}/match", new { obligationCode = code })).JsonAsync(HttpStatusCode.Created);
        var twice = await finance.PostAsync($"/api/fund/bank-lines/{id}/match", new { obligationCode = code });

        Assert.Equal(("matched", city), (matched.GetProperty("status").GetString(), matched.GetProperty("cityId").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:contributions-receivable"));
        var reimported = await (await finance.PostCsvAsync(csv)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("duplicate", Line(reimported, reference).GetProperty("status").GetString());
        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:contributions-receivable"));
    }

    [Fact]
    public async Task AGb18030ExportIsReadInItsCharset()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var finance = fund.Finance();
        var (city, code) = await CalledAsync(finance);
        var reference = Ref();
        var text = Header + $"{Yesterday:yyyy-MM-dd},100.00,杭州市财政局,缴款 {code},{reference}\n";
        var content = new ByteArrayContent(Encoding.GetEncoding("GB18030").GetBytes(text));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv") { CharSet = "GB18030" };

        var import = await (await finance.SendWithKeyAsync("/api/fund/bank-statements", content, Guid.NewGuid().ToString("N"))).JsonAsync(HttpStatusCode.Created);

        var line = Line(import, reference);
        Assert.Equal(("杭州市财政局", "matched"), (line.GetProperty("payer").GetString(), line.GetProperty("status").GetString()));
        Assert.Equal(0m, await finance.BalanceAsync($"city:{city}:contributions-receivable"));
    }

    private static JsonElement Line(JsonElement import, string bankReference) =>
        import.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("bankReference").GetString() == bankReference);
}
