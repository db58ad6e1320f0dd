using System.Text.RegularExpressions;

namespace Platform.Contract.Tests.Documents;

/// <summary>Every operation of the five documents is described as a generated client needs it.</summary>
public sealed partial class OperationConventionTests
{
    [Fact]
    public async Task Every_operation_has_an_operation_id_unique_across_the_platform()
    {
        var operations = await DocumentWalk.AllOperationsAsync();

        Assert.True(operations.Count > 100, $"only {operations.Count} operations found");
        Assert.Empty(operations.Where(o => o.Id is null || !OperationIdShape().IsMatch(o.Id)).Select(o => $"{o}: '{o.Id}'"));
        Assert.Empty(operations.GroupBy(o => o.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g)}"));
    }

    [Fact]
    public async Task Operation_ids_are_prefixed_with_the_gateway_route_of_their_service()
    {
        var operations = await DocumentWalk.AllOperationsAsync();

        Assert.Contains(operations, o => o.Id == "fund.postEntry" && o.Path == "/api/fund/entries");
        Assert.Contains(operations, o => o.Id == "costSharing.fileClaim");
        var prefixes = new Dictionary<string, string>
        {
            ["cost-sharing"] = "costSharing.", ["fund"] = "fund.", ["trust"] = "trust.", ["evaluation"] = "evaluation.", ["communication"] = "communication.",
        };
        Assert.All(operations, o => Assert.StartsWith(prefixes[o.Path.Split('/')[2]], o.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_a_description()
    {
        var operations = await DocumentWalk.AllOperationsAsync();

        Assert.Empty(operations.Where(o => string.IsNullOrWhiteSpace((string?)o.Operation["summary"])).Select(o => o.ToString()));
        Assert.Empty(operations.Where(o => string.IsNullOrWhiteSpace((string?)o.Operation["description"])).Select(o => o.ToString()));
    }

    [Fact]
    public async Task Every_error_status_is_described_with_the_problem_details_schema()
    {
        var operations = await DocumentWalk.AllOperationsAsync();

        foreach (var operation in operations)
        {
            Assert.Contains(operation.Statuses, s => s.StartsWith('4'));
            Assert.Contains("429", operation.Statuses);
            Assert.Contains("503", operation.Statuses);
            foreach (var status in operation.Statuses.Where(s => s[0] is '4' or '5'))
            {
                var schema = (string?)operation.Operation["responses"]?[status]?["content"]?["application/problem+json"]?["schema"]?["$ref"];
                Assert.True(schema is "#/components/schemas/ProblemDetails" or "#/components/schemas/HttpValidationProblemDetails", $"{operation} {status}: {schema}");
            }
        }
    }

    [Fact]
    public async Task Secured_operations_answer_401_and_operations_on_an_object_404()
    {
        var operations = await DocumentWalk.AllOperationsAsync();

        Assert.All(operations.Where(o => o.Operation["security"] is not null), o => Assert.Contains("401", o.Statuses));
        Assert.All(operations.Where(o => o.Path.Contains('{', StringComparison.Ordinal)), o => Assert.Contains("404", o.Statuses));
        Assert.All(operations.Where(o => o.Operation["requestBody"] is not null), o => Assert.Contains("413", o.Statuses));
    }

    [Fact]
    public async Task Idempotency_key_is_declared_where_the_filter_honours_it_and_required_where_money_moves()
    {
        var operations = await DocumentWalk.AllOperationsAsync();

        var fileClaim = operations.Single(o => o.Id == "costSharing.fileClaim");
        var postEntry = operations.Single(o => o.Id == "fund.postEntry");
        var listMembers = operations.Single(o => o.Id == "costSharing.listMembers");
        Assert.NotNull(Header(fileClaim, "Idempotency-Key"));
        Assert.NotEqual(true, (bool?)Header(fileClaim, "Idempotency-Key")!["required"]);
        Assert.True((bool?)Header(postEntry, "Idempotency-Key")?["required"]);
        Assert.Contains("428", postEntry.Statuses);
        Assert.Null(Header(listMembers, "Idempotency-Key"));
    }

    [Fact]
    public async Task If_match_is_declared_where_a_stale_version_is_refused()
    {
        var operations = await DocumentWalk.AllOperationsAsync();

        var updateMember = operations.Single(o => o.Id == "costSharing.updateMember");
        Assert.NotNull(Header(updateMember, "If-Match"));
        Assert.Contains("409", updateMember.Statuses);
    }

    private static System.Text.Json.Nodes.JsonObject? Header(OperationAt operation, string name) =>
        operation.Parameters.SingleOrDefault(p => (string?)p["in"] == "header" && (string?)p["name"] == name);

    [GeneratedRegex("^[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+$")]
    private static partial Regex OperationIdShape();
}
