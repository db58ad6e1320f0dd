using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CostSharing.Tests.Members;

/// <summary>Bad input gets a 4xx problem with the reason, and nothing is stored or published.</summary>
public sealed class BadMemberInputTests(CostSharingFixture fixture) : IClassFixture<CostSharingFixture>
{
    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "missing fields", """{"cityId":"bad-a"}""", "name" },
        { "negative population", """{"cityId":"bad-b","name":"B","province":"P","population":-5,"gdpCny":1,"contact":{"name":"n","email":"a@b.cn"}}""", "population" },
        { "zero population", """{"cityId":"bad-c","name":"C","province":"P","population":0,"gdpCny":1,"contact":{"name":"n","email":"a@b.cn"}}""", "population" },
        { "over-precise GDP", """{"cityId":"bad-d","name":"D","province":"P","population":5,"gdpCny":1.234,"contact":{"name":"n","email":"a@b.cn"}}""", "gdpCny" },
        { "bad city id", """{"cityId":"Bad Id!","name":"E","province":"P","population":5,"gdpCny":1,"contact":{"name":"n","email":"a@b.cn"}}""", "cityId" },
        { "bad e-mail", """{"cityId":"bad-f","name":"F","province":"P","population":5,"gdpCny":1,"contact":{"name":"n","email":"nope"}}""", "contact.email" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task InvalidFieldsGetValidationProblemAndChangeNothing(string because, string body, string field)
    {
        using var client = fixture.Coordinator();
        var before = await fixture.WritesAsync();

        var response = await client.PostAsync("/api/cost-sharing/members", RegisterMemberTests.Json(body));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, because);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{because}: expected an error for '{field}' in {problem}");
        Assert.Equal(before, await fixture.WritesAsync());
    }

    [Theory]
    [InlineData("""{"cityId":"bad-json", """)]
    [InlineData("""{"cityId":"bad-type","population":"many"}""")]
    [InlineData("""{"cityId":"bad-fraction","population":1.5}""")]
    public async Task MalformedJsonGetsBadRequestProblemAndChangesNothing(string body)
    {
        using var client = fixture.Coordinator();
        var before = await fixture.WritesAsync();

        var response = await client.PostAsync("/api/cost-sharing/members", RegisterMemberTests.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(before, await fixture.WritesAsync());
    }

    [Fact]
    public async Task DuplicateIdIsConflictAndPublishesOnce()
    {
        using var client = fixture.Coordinator();
        var first = await client.PostAsJsonAsync("/api/cost-sharing/members", MemberRequests.Valid("dup-city"));
        var before = await fixture.WritesAsync();

        var second = await client.PostAsJsonAsync("/api/cost-sharing/members", MemberRequests.Valid("dup-city", population: 42));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(before, await fixture.WritesAsync());
        var read = await client.GetFromJsonAsync<JsonElement>("/api/cost-sharing/members/dup-city");
        Assert.Equal(1_000_000, read.GetProperty("population").GetInt64());
    }

    [Fact]
    public async Task OversizedBodyIsRefusedAndChangesNothing()
    {
        using var client = fixture.Coordinator();
        var before = await fixture.WritesAsync();
        var huge = $$"""{"cityId":"huge","name":"{{new string('x', 2 * 1024 * 1024)}}"}""";

        // Expect: 100-continue lets the service refuse on the declared length before the body is sent; without it the client
        // may still be writing 2 MiB when the service answers 413 and closes, and see a broken pipe instead of the answer.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cost-sharing/members") { Content = RegisterMemberTests.Json(huge) };
        request.Headers.ExpectContinue = true;
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await fixture.WritesAsync());
    }

    [Fact]
    public async Task UpdateOfUnknownMemberIsNotFoundAndChangesNothing()
    {
        using var client = fixture.Coordinator();
        var before = await fixture.WritesAsync();

        var response = await client.PutAsJsonAsync("/api/cost-sharing/members/nowhere", MemberRequests.Valid("nowhere"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await fixture.WritesAsync());
    }
}
