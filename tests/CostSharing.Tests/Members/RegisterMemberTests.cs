using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace CostSharing.Tests.Members;

public sealed class RegisterMemberTests(CostSharingFixture fixture) : IClassFixture<CostSharingFixture>
{
    [Fact]
    public async Task RegistersMemberAndQueuesMemberJoined()
    {
        using var client = fixture.Coordinator();

        var response = await client.PostAsJsonAsync("/api/cost-sharing/members", MemberRequests.Valid("ningbo", gdp: 1_797_000_000_000.55m));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/cost-sharing/members/ningbo", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1_797_000_000_000.55m, body.GetProperty("gdpCny").GetDecimal());
        Assert.Equal(1, await fixture.CountAsync(
            "select count(*) from cost_sharing.platform_outbox where message_key = 'ningbo' and message_type = 'cost-sharing.member-joined'"));

        var read = await client.GetFromJsonAsync<JsonElement>("/api/cost-sharing/members/ningbo");
        Assert.Equal("浙江省", read.GetProperty("province").GetString());
    }

    [Fact]
    public async Task UpdateWithCurrentVersionSucceedsAndStaleVersionIsRefused()
    {
        using var client = fixture.Coordinator();
        await client.PostAsJsonAsync("/api/cost-sharing/members", MemberRequests.Valid("wenzhou"));

        var update = new HttpRequestMessage(HttpMethod.Put, "/api/cost-sharing/members/wenzhou")
        {
            Content = JsonContent.Create(MemberRequests.Valid("wenzhou", population: 9_600_000)),
        };
        update.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var updated = await client.SendAsync(update);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("\"2\"", updated.Headers.ETag?.Tag);

        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/cost-sharing/members/wenzhou")
        {
            Content = JsonContent.Create(MemberRequests.Valid("wenzhou", population: 1)),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var refused = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        var read = await client.GetFromJsonAsync<JsonElement>("/api/cost-sharing/members/wenzhou");
        Assert.Equal(9_600_000, read.GetProperty("population").GetInt64());
        Assert.Equal(1, await fixture.CountAsync(
            "select count(*) from cost_sharing.platform_outbox where message_key = 'wenzhou' and message_type = 'cost-sharing.member-updated'"));
    }

    [Fact]
    public async Task ListsMembersPagedInIdOrder()
    {
        using var client = fixture.Coordinator();
        foreach (var id in new[] { "list-c", "list-a", "list-b" })
        {
            await client.PostAsJsonAsync("/api/cost-sharing/members", MemberRequests.Valid(id));
        }

        var page = await client.GetFromJsonAsync<JsonElement>("/api/cost-sharing/members?page=1&pageSize=200");
        var ids = page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("cityId").GetString()).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Contains("list-b", ids);
        Assert.Equal(200, page.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task UnknownMemberIsNotFoundProblem()
    {
        using var client = fixture.Coordinator();
        var response = await client.GetAsync("/api/cost-sharing/members/atlantis");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CityCannotRegisterMembersAndAnonymousCannotRead()
    {
        using var city = fixture.Service.ClientWithToken(Platform.Testing.TestTokens.City("hangzhou"));
        var before = await fixture.WritesAsync();

        var forbidden = await city.PostAsJsonAsync("/api/cost-sharing/members", MemberRequests.Valid("forbidden-city"));
        using var anonymous = fixture.Service.CreateClient();
        var unauthenticated = await anonymous.GetAsync("/api/cost-sharing/members");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(before, await fixture.WritesAsync());
    }

    [Fact]
    public async Task ExpiredTokenIsRefused()
    {
        using var client = fixture.Service.ClientWithToken(
            Platform.Testing.TestTokens.For("coordinator", lifetime: TimeSpan.FromMinutes(-5)));
        var response = await client.GetAsync("/api/cost-sharing/members");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
