using Npgsql;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Gateway.Identity.Storage;

/// <summary>
/// The gateway's own PostgreSQL schema (architecture.md §4: one schema per component) for its people and redeemed codes,
/// reached with plain Npgsql. Implementation note: the gateway once kept them as Marten documents; two small tables do not
/// need a document store, and leaving Marten out keeps its assemblies, its start-up and their compiled code out of the
/// gateway's process (docs/deploy.md "Memory at rest").
/// </summary>
public static class IdentityDatabase
{
    public const string Schema = "gateway_identity";

    public const string People = $"\"{Schema}\".people";

    public const string RedeemedCodes = $"\"{Schema}\".redeemed_codes";

    public static IServiceCollection AddIdentityDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = PostgresConnection.Require(configuration);
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<IdentityTables>();
        services.AddHostedService(sp => sp.GetRequiredService<IdentityTables>());
        services.AddExceptionHandler<IdentityDatabaseExceptionHandler>();
        return services;
    }
}
