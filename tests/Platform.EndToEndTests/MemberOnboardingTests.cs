using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEndTests;

/// <summary>The first slice end to end: a member registered in cost-sharing reaches every service's read model.</summary>
[Collection(PlatformCollection.Name)]
public sealed class MemberOnboardingTests(PlatformFixture platform)
{
    [Fact]
    public async Task MemberRegisteredThroughGatewayAppearsInEveryService()
    {
        using var coordinator = await platform.ClientAsync("coordinator");

        var registered = await coordinator.PostAsJsonAsync("/api/cost-sharing/members", new
        {
            cityId = "anqing",
            name = "安庆市",
            province = "安徽省",
            population = 4_170_000,
            gdpCny = 286_300_000_000.00m,
            contact = new { name = "Wang Fang", email = "emergency@anqing.gov.cn", phone = "+86 556 000 0000" },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        var trust = await Eventually.Until(
            () => GetAsync(coordinator, "/api/trust/scores/anqing"), r => r.Status == HttpStatusCode.OK, because: "trust-score to learn of the member");
        Assert.Equal("M", trust.Body.GetProperty("tier").GetString());
        Assert.Equal(0.5, trust.Body.GetProperty("score").GetDouble(), 4);

        var accounts = await Eventually.Until(
            () => GetAsync(coordinator, "/api/fund/members/anqing/accounts"), r => r.Status == HttpStatusCode.OK, because: "the fund to open accounts");
        Assert.Equal(6, Accounts(accounts.Body).Count);
        Assert.All(Accounts(accounts.Body), a => Assert.Equal(0m, a.GetProperty("balance").GetDecimal()));

        var member = await Eventually.Until(
            () => GetAsync(coordinator, "/api/evaluation/members/anqing"), r => r.Status == HttpStatusCode.OK, because: "evaluation to list the member");
        Assert.Equal("安庆市", member.Body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task CityReadsItsOwnAccountsButNotAnotherCitys()
    {
        using var coordinator = await platform.ClientAsync("coordinator");
        foreach (var id in new[] { "hangzhou", "huzhou" })
        {
            var response = await coordinator.PostAsJsonAsync("/api/cost-sharing/members", new
            {
                cityId = id, name = id, province = "浙江省", population = 1_000_000, gdpCny = 1m,
                contact = new { name = "x", email = $"x@{id}.gov.cn" },
            });
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict);
        }

        using var hangzhou = await platform.ClientAsync("city-hangzhou");
        var own = await Eventually.Until(
            () => GetAsync(hangzhou, "/api/fund/members/hangzhou/accounts"), r => r.Status == HttpStatusCode.OK, because: "hangzhou's accounts");
        Assert.NotEmpty(Accounts(own.Body));

        await Eventually.Until(
            () => GetAsync(coordinator, "/api/fund/members/huzhou/accounts"), r => r.Status == HttpStatusCode.OK, because: "huzhou's accounts");
        var other = await hangzhou.GetAsync("/api/fund/members/huzhou/accounts");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("huzhou:", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CityCannotRegisterMembersThroughTheGateway()
    {
        using var city = await platform.ClientAsync("city-jiaxing");
        var response = await city.PostAsJsonAsync("/api/cost-sharing/members", new { cityId = "rogue" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CallWithoutTokenIsUnauthorized()
    {
        using var anonymous = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        var response = await anonymous.GetAsync("/api/trust/scores");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static List<JsonElement> Accounts(JsonElement body) =>
        body.GetProperty("accounts").EnumerateArray().ToList();

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        return (response.StatusCode, body);
    }
}
