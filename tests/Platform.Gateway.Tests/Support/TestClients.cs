using Platform.Gateway.Tokens;

namespace Platform.Gateway.Tests.Support;

/// <summary>Clients registered in every test gateway; hashed with the fewest iterations allowed to keep tests fast.</summary>
public static class TestClients
{
    public static readonly TestClient City = new("test-city-hangzhou", "city-secret-1", "city", CityId: "hangzhou");
    public static readonly TestClient Evaluator = new("test-evaluator", "evaluator-secret-1", "evaluator", EvaluatorId: "tsinghua-cpp");
    public static readonly TestClient Coordinator = new("test-coordinator", "coordinator-secret-1", "coordinator");

    public static readonly IReadOnlyList<TestClient> All = [City, Evaluator, Coordinator];

    public static IEnumerable<KeyValuePair<string, string?>> Settings() =>
        All.SelectMany((client, i) => new Dictionary<string, string?>
        {
            [$"TokenIssuer:Clients:{i}:ClientId"] = client.ClientId,
            [$"TokenIssuer:Clients:{i}:SecretHash"] = SecretHasher.Hash(client.Secret, SecretHasher.MinIterations),
            [$"TokenIssuer:Clients:{i}:Role"] = client.Role,
            [$"TokenIssuer:Clients:{i}:CityId"] = client.CityId,
            [$"TokenIssuer:Clients:{i}:EvaluatorId"] = client.EvaluatorId,
        });
}

public sealed record TestClient(string ClientId, string Secret, string Role, string? CityId = null, string? EvaluatorId = null);
