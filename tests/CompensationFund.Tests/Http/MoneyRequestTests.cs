using System.Net;
using CompensationFund.Tests.Support;
using static CompensationFund.Tests.Support.Ledger;

namespace CompensationFund.Tests.Http;

/// <summary>
/// Money-moving requests ("Amounts" and "Idempotency"): an amount is exact to the fen however many digits it
/// is sent with and within the ledger's range, identifiers are plain text, and every such POST carries an
/// <c>Idempotency-Key</c> that recognises a retry by its content.
/// </summary>
public sealed class MoneyRequestTests(FundFixture fund) : IClassFixture<FundFixture>
{
    private static string EntryJson(string amount, string reference = "null") =>
        $$"""{"description":"digits","reference":{{reference}},"lines":[{"account":"fund:bank","side":"debit","amount":{{amount}}},{"account":"fund:income:interest","side":"credit","amount":{{amount}}}]}""";

    [Theory]
    [InlineData("100.00000000000000000000000000001")]
    [InlineData("100.001")]
    [InlineData("1e-3")]
    [InlineData("0.0000000000000000000000000000000000000001")]
    public async Task AnAmountWithAFractionOfAFenIsBadInputHoweverManyDigits(string amount)
    {
        using var finance = fund.Finance();
        var bank = await finance.BalanceAsync("fund:bank");

        var problem = await (await finance.PostJsonTextAsync("/api/fund/entries", EntryJson(amount))).JsonAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("lines[0].amount", out _), problem.ToString());
        Assert.Equal(bank, await finance.BalanceAsync("fund:bank"));
    }

    [Theory]
    [InlineData("1e27")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("1e400")]
    [InlineData("10000000000000.01")]
    public async Task AnAmountBeyondTheLedgersRangeIsBadInput(string amount)
    {
        using var finance = fund.Finance();

        var response = await finance.PostJsonTextAsync("/api/fund/entries", EntryJson(amount));

        await response.JsonAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TrailingZerosAndExponentsThatStayExactAreAccepted()
    {
        using var finance = fund.Finance();
        var bank = await finance.BalanceAsync("fund:bank");

        await (await finance.PostJsonTextAsync("/api/fund/entries", EntryJson("1.2500"))).JsonAsync(HttpStatusCode.Created);
        await (await finance.PostJsonTextAsync("/api/fund/entries", EntryJson("125e-2"))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(bank + 2.50m, await finance.BalanceAsync("fund:bank"));
    }

    [Theory]
    [InlineData("bank\u0000ref")]
    [InlineData("bank\u202Eref")]
    [InlineData("bank\u2066ref")]
    public async Task AReferenceWithControlOrBidiCharactersIsBadInput(string reference)
    {
        using var finance = fund.Finance();
        var city = await fund.NewCityAsync();

        var entry = await finance.PostAsync("/api/fund/entries", Transfer("fund:bank", "fund:income:interest", 1m, reference: reference));
        var payout = await finance.PostAsync("/api/fund/payouts", new { cityId = city, amount = 1m, bankReference = reference });
        var payment = await finance.PostAsync("/api/fund/payments", new { cityId = city + reference, amount = 1m });

        Assert.True((await entry.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reference", out _));
        Assert.True((await payout.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("bankReference", out _));
        Assert.True((await payment.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("cityId", out _));
    }

    [Theory]
    [InlineData("/api/fund/entries")]
    [InlineData("/api/fund/entries/batch")]
    [InlineData("/api/fund/payments")]
    [InlineData("/api/fund/payouts")]
    [InlineData("/api/fund/reservations")]
    [InlineData("/api/fund/third-party-deposits")]
    public async Task AMoneyMovingPostWithoutAnIdempotencyKeyIsRefusedWith428(string path)
    {
        using var finance = fund.Finance();
        var bank = await finance.BalanceAsync("fund:bank");

        var response = await finance.PostWithoutKeyAsync(path, Transfer("fund:bank", "fund:income:interest", 1m));

        await response.JsonAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(bank, await finance.BalanceAsync("fund:bank"));
    }

    [Fact]
    public async Task ARetrySerializedDifferentlyReplaysTheFirstAnswer()
    {
        using var finance = fund.Finance();
        var key = Guid.NewGuid().ToString("N");
        var bank = await finance.BalanceAsync("fund:bank");
        var first = await (await finance.PostJsonTextAsync("/api/fund/entries", EntryJson("5.5"), key)).JsonAsync(HttpStatusCode.Created);

        const string reordered = """{ "Lines": [{"amount": 5.50, "side":"debit", "account":"fund:bank"}, {"side":"credit","amount":5.500,"account":"fund:income:interest"}], "currency": null, "description": "digits" }""";
        var retry = await finance.PostJsonTextAsync("/api/fund/entries", reordered, key);
        var changed = await finance.PostJsonTextAsync("/api/fund/entries", EntryJson("5.51"), key);

        Assert.Equal(first.GetProperty("entryId").GetGuid(), (await retry.JsonAsync(HttpStatusCode.Created)).GetProperty("entryId").GetGuid());
        Assert.True(retry.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal(bank + 5.5m, await finance.BalanceAsync("fund:bank"));
    }

    [Fact]
    public async Task ABankStatementIsRecognisedByItsBytesAnotherStatementWithTheSameKeyIsRefused()
    {
        using var finance = fund.Finance();
        var key = Guid.NewGuid().ToString("N");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);
        string Csv(decimal amount) => $"date,amount,payer,reference,bank_reference\n{yesterday:yyyy-MM-dd},{amount:F2},nobody,none,{key}\n";

        var first = await (await finance.PostCsvAsync(Csv(12.34m), key)).JsonAsync(HttpStatusCode.Created);
        var retry = await finance.PostCsvAsync(Csv(12.34m), key);
        var other = await finance.PostCsvAsync(Csv(43.21m), key);

        Assert.Equal(first.GetProperty("id").GetGuid(), (await retry.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        Assert.True(retry.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
    }
}
