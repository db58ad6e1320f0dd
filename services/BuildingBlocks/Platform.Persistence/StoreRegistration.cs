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

    private static string ConnectionString(IConfiguration configuration)
    {
        const string setting = "ConnectionStrings:postgres";
        var value = configuration.Require(setting);
        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException e)
        {
            throw new InvalidSettingException(setting, $"is not a PostgreSQL connection string: {e.Message}", e);
        }

        return value;
    }
}
