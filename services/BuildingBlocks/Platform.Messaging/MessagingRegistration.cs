using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Messaging.Envelope;
using Platform.Messaging.Health;
using Platform.Messaging.Inbox;
using Platform.Messaging.Inbox.Parking;
using Platform.Messaging.Kafka;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// Registers the outbox and its relay, the inbox consumer of the subscribed topics, dead letters, the
    /// PostgreSQL and Kafka readiness checks. Call after <c>AddPlatformStore</c> (Platform.Persistence): the
    /// messaging tables and the outbox's commit listener plug into that store as <see cref="IStoreExtension"/>s,
    /// and its initializer, which runs before the relay and the consumer start, creates the tables.
    /// </summary>
    public static MessagingBuilder AddPlatformMessaging(
        this WebApplicationBuilder builder, string serviceName, string? publishTopic, params string[] subscribedTopics)
    {
        var bootstrapServers = builder.Configuration.Require("Kafka:BootstrapServers", alternativeKey: "Messaging:BootstrapServers");
        builder.Services.Configure<MessagingOptions>(o =>
        {
            o.ServiceName = serviceName;
            o.PublishTopic = publishTopic;
            o.SubscribedTopics.AddRange(subscribedTopics);
            builder.Configuration.GetSection("Messaging").Bind(o);
            o.BootstrapServers = bootstrapServers;
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MessagingTables>();
        builder.Services.AddSingleton<IStoreExtension>(sp => sp.GetRequiredService<MessagingTables>());
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IStoreExtension, OutboxCommitListener>();
        builder.Services.AddExceptionHandler<OutboxExceptionHandler>();
        var contracts = new List<System.Reflection.Assembly>();
        builder.Services.AddSingleton(_ => new EventTypeRegistry([.. contracts]));
        builder.Services.AddSingleton<KafkaClientFactory>();
        builder.Services.AddSingleton<RelayProgress>();
        builder.Services.AddSingleton<EventOutbox>();
        builder.Services.AddSingleton<DeadLetterQueue>();
        builder.Services.AddSingleton<InboxProcessor>();
        builder.Services.AddSingleton<ParkingLot>();
        builder.Services.AddSingleton<ParkingSignal>();
        var handlers = new HandlerRegistry();
        builder.Services.AddSingleton(handlers);

        var settings = builder.Configuration.GetSection("Messaging");
        if (publishTopic is not null && settings.GetValue("RelayEnabled", true))
        {
            builder.Services.AddHostedService<OutboxRelay>();
        }

        if (subscribedTopics.Length > 0 && settings.GetValue("ConsumerEnabled", true))
        {
            builder.Services.AddHostedService<InboxConsumer>();
            builder.Services.AddHostedService<ParkedMessageRelease>();
        }

        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: [ManagementEndpoints.ReadyTag])
            .AddCheck<KafkaHealthCheck>("kafka", tags: [ManagementEndpoints.ReadyTag])
            .AddCheck<ProgressHealthCheck>("messaging-progress", tags: [ManagementEndpoints.ReadyTag]);
        builder.Services.AddSingleton<KafkaHealthCheck>();
        return new MessagingBuilder(builder.Services, handlers, contracts);
    }
}

/// <summary>Registers the handlers of the events a service consumes.</summary>
public sealed class MessagingBuilder(IServiceCollection services, HandlerRegistry handlers, List<System.Reflection.Assembly> contracts)
{
    public MessagingBuilder Handle<TEvent, THandler>()
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        services.AddScoped<THandler>();
        handlers.Add<TEvent, THandler>();
        return AddContracts(typeof(TEvent).Assembly);
    }

    /// <summary>Makes the contracts of another assembly publishable (the platform's own are always known).</summary>
    public MessagingBuilder AddContracts(System.Reflection.Assembly assembly)
    {
        if (!contracts.Contains(assembly))
        {
            contracts.Add(assembly);
        }

        return this;
    }
}
