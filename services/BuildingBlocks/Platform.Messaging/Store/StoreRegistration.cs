using JasperFx;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Messaging.Store;

public static class StoreRegistration
{
    /// <summary>
    /// Registers the service's Marten store in its own schema (architecture.md §4), the messaging tables
    /// beside it, and the initializer that creates both at start (or in the <c>--migrate</c> step).
    /// </summary>
    public static WebApplicationBuilder AddPlatformStore(
        this WebApplicationBuilder builder, string schema, Action<StoreOptions>? configure = null)
    {
        var connectionString = ConnectionString(builder.Configuration);
        var autoCreate = Enum.TryParse<AutoCreate>(builder.Configuration["Store:AutoCreate"], out var configured)
            ? configured
            : AutoCreate.CreateOrUpdate;

        builder.Services.AddSingleton(new MessagingTables(schema));
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddMarten(services =>
            {
                var options = new StoreOptions();
                options.Connection(connectionString);
                options.DatabaseSchemaName = schema;
                options.AutoCreateSchemaObjects = autoCreate;
                options.UseSystemTextJsonForSerialization(Weasel.Core.EnumStorage.AsString, Weasel.Core.Casing.CamelCase);
                options.Listeners.Add(new OutboxCommitListener(services.GetRequiredService<OutboxSignal>()));
                configure?.Invoke(options);
                return options;
            })
            .UseLightweightSessions();
        builder.Services.AddSingleton<StoreInitializer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StoreInitializer>());
        builder.Services.AddExceptionHandler<StoreExceptionHandler>();
        builder.Services.AddHostedService<Idempotency.IdempotencyRetention>();
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
