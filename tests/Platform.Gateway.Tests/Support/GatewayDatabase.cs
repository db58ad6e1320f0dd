using Platform.Testing;

namespace Platform.Gateway.Tests.Support;

/// <summary>
/// The real PostgreSQL the gateway keeps its people in: one database for the test run (each gateway under test
/// migrates the same schema, as replicas do), on the test process's throwaway server.
/// </summary>
public static class GatewayDatabase
{
    private static readonly Lazy<string> Connection = new(() =>
        Task.Run(async () => await (await TestInfrastructure.GetAsync()).CreateDatabaseAsync("gateway")).GetAwaiter().GetResult());

    public static string ConnectionString => Connection.Value;
}
