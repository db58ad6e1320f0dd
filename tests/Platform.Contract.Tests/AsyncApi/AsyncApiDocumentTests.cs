extern alias GatewayApi;
using System.Reflection;
using System.Text.Json.Nodes;
using GatewayApi::Platform.Gateway.ApiReference.AsyncApi;
using Platform.Contract.Tests.Support;
using Platform.Contracts;
using Platform.Messaging.Envelope;

namespace Platform.Contract.Tests.AsyncApi;

/// <summary>
/// The AsyncAPI 3.0 document the gateway serves at <c>/asyncapi</c> parses with @asyncapi/parser and lists every
/// integration event of Platform.Contracts, with the envelope Platform.Messaging really writes.
/// </summary>
public sealed class AsyncApiDocumentTests
{
    private static readonly Lazy<Task<JsonObject>> Parsed = new(ParseAsync);

    [Fact]
    public async Task Document_parses_as_AsyncAPI_3_without_an_error()
    {
        var report = await Parsed.Value;

        Assert.True((bool?)report["parsed"], report.ToJsonString());
        Assert.Equal("3.0.0", (string?)report["version"]);
        Assert.Empty((report["diagnostics"] as JsonArray ?? []).Where(d => (string?)d?["severity"] is "error" or "warning").Select(d => d!.ToJsonString()));
    }

    [Fact]
    public async Task Every_event_type_in_the_contracts_is_a_message_on_its_producers_topic()
    {
        var report = await Parsed.Value;
        var contracts = typeof(IntegrationEventAttribute).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<IntegrationEventAttribute>()).OfType<IntegrationEventAttribute>().ToList();

        var messages = (report["messages"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(m => (string)m["name"]!, StringComparer.Ordinal);

        Assert.True(contracts.Count >= 20, $"only {contracts.Count} contracts found");
        Assert.Equal(contracts.Select(c => c.Name).Order(StringComparer.Ordinal), messages.Keys.Order(StringComparer.Ordinal));
        foreach (var contract in contracts)
        {
            var message = messages[contract.Name];
            var topic = message["channel"];
            Assert.Equal(contract.Name.Split('.')[0] + ".events.v1", (string?)topic);
            Assert.Contains((string?)topic, Topics.EventTopics);
            Assert.True((bool?)message["headers"]);
            Assert.True((bool?)message["payload"]);
        }
    }

    [Fact]
    public void Payload_schemas_are_the_contract_records_in_their_wire_form()
    {
        var document = AsyncApiDocument.Current;
        var claimApproved = document["components"]!["schemas"]!["cost-sharing.claim-approved"]!;

        Assert.Equal("object", (string?)claimApproved["type"]);
        Assert.Contains("approvedAmount", claimApproved["required"]!.AsArray().Select(n => (string?)n));
        Assert.NotNull(claimApproved["properties"]!["cityId"]);
        Assert.Equal("1", (string?)document["components"]!["messages"]!["cost-sharing.claim-approved"]!["headers"]!["allOf"]![1]!["properties"]!["schema-version"]!["const"]);
        Assert.Equal(EventTypeRegistry.JsonOptions.PropertyNamingPolicy, AsyncApiDocument.WireOptions.PropertyNamingPolicy);
        Assert.Equal(EventTypeRegistry.JsonOptions.NumberHandling, AsyncApiDocument.WireOptions.NumberHandling);
    }

    [Fact]
    public void Envelope_headers_are_the_ones_the_outbox_writes()
    {
        var written = typeof(HeaderNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!).Where(n => !n.StartsWith("dead-letter", StringComparison.Ordinal));

        Assert.Equal(written.Order(StringComparer.Ordinal), EnvelopeHeaders.All.Select(h => h.Name).Order(StringComparer.Ordinal));
    }

    private static async Task<JsonObject> ParseAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"platform-asyncapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, AsyncApiDocument.Current.ToJsonString());
        try
        {
            var result = await NodeTools.RunAsync("node", [Path.Combine(NodeTools.Folder, "parse-asyncapi.mjs"), file]);
            return JsonNode.Parse(result.Output)?.AsObject() ?? throw new InvalidOperationException($"No report ({result.ExitCode}): {result.Error}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
