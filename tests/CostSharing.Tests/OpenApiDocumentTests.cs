using System.Text.Json;
using Xunit;

namespace CostSharing.Tests;

/// <summary>The service's OpenAPI document describes every feature (the gateway merges it into the API reference).</summary>
public sealed class OpenApiDocumentTests(CostSharingFixture fixture) : IClassFixture<CostSharingFixture>
{
    [Fact]
    public async Task DocumentListsTheCostSharingRoutes()
    {
        using var anonymous = fixture.Service.CreateClient();

        var document = JsonSerializer.Deserialize<JsonElement>(await anonymous.GetStringAsync("/api/cost-sharing/openapi/v1.json"));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/cost-sharing/agreements/{agreementId}/versions", paths);
        Assert.Contains("/api/cost-sharing/incidents/{incidentId}/claims", paths);
        Assert.Contains("/api/cost-sharing/claims/{claimId}/decision", paths);
        Assert.Contains("/api/cost-sharing/incidents/{incidentId}/allocations/corrections", paths);
        Assert.Contains("/api/cost-sharing/allocations/calculate", paths);
    }
}
