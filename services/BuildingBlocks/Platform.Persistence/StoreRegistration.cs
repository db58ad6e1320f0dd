using JasperFx;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Persistence;

public static class StoreRegistration
{
    /// <summary>
    /// Registers the service's Marten store in its own schema (docs/architecture.md §4), and the initializer that
    /// creates its documents, and the tables other blocks keep beside them (<see cref="IStoreExtension"/>), at start
    /// (or in the <c>--migrate</c> step).
    /// </summary>
    public static WebApplicationBuilder AddPlatformStore(
        this WebApplicationBuilder builder, string schema, Action<StoreOptions>? configure = null)
    {
        var connectionString = ConnectionString(builder.Configuration);
        var autoCreate = Enum.TryParse<AutoCreate>(builder.Configuration["Store:AutoCreate"], out var configured)
            ? configured
            : AutoCreate.CreateOrUpdate;

        builder.Services.AddSingleton(new StoreSchema(schema));
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddMarten(services =>
            {
                var options = new StoreOptions();
                options.Connection(connectionString);
                options.DatabaseSchemaName = schema;
                options.AutoCreateSchemaObjects = autoCreate;
                options.UseSystemTextJsonForSerialization(Weasel.Core.EnumStorage.AsString, Weasel.Core.Casing.CamelCase);
                configure?.Invoke(options);
                foreach (var extension in services.GetServices<IStoreExtension>())
                {
                    extension.Configure(options);
                }

                return options;
            })
            .UseLightweightSessions();
        builder.Services.AddSingleton<StoreInitializer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StoreInitializer>());
        builder.Services.AddExceptionHandler<StoreExceptionHandler>();
        return builder;
    }

    private static string ConnectionString(IConfiguration configuration) => WithAutoPrepare(PostgresConnection.Require(configuration));

    /// <summary>
    /// Statements a connection runs again and again (Marten's upserts and loads, the outbox insert, the inbox claim)
    /// are prepared on the server after their third use, so PostgreSQL stops parsing and planning them on every call.
    /// An operator's own <c>Max Auto Prepare</c> in the connection string wins.
    /// </summary>
    /// <remarks>
    /// Implementation note: a pooled connection keeps its prepared statements when it is returned: with prepared
    /// statements on it, Npgsql's reset is no longer <c>DISCARD ALL</c> but closes cursors, stops listening, releases
    /// advisory locks and drops temporary objects, so nothing but the plans survives from one user to the next. The
    /// messaging benchmark measured the effect (docs/messaging.md "Throughput").
    /// </remarks>
    internal static string WithAutoPrepare(string connectionString)
    {
        if (connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 3 }.ConnectionString;
    }
}
