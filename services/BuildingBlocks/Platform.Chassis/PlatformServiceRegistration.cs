using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Idempotency;
using Platform.Messaging;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;
using Platform.Persistence;

namespace Platform.Chassis;

/// <summary>
/// The parts every platform service wires the same way: its Marten store in its own schema (Platform.Persistence),
/// its messaging (publish topic, subscriptions; Platform.Messaging), idempotency keys (Platform.Idempotency), its
/// OpenAPI document and the dead-letter admin calls. A service's module adds only what is its own: documents,
/// handlers, policies, endpoints.
/// </summary>
public static class PlatformServiceRegistration
{
    public static MessagingBuilder AddPlatformService(
        this WebApplicationBuilder builder, string serviceName, string schema, Action<StoreOptions> configureStore,
        string publishTopic, params string[] subscribedTopics)
    {
        builder.AddPlatformStore(schema, configureStore);
        builder.AddIdempotencyKeys();
        builder.Services.AddOpenApi();
        return builder.AddPlatformMessaging(serviceName, publishTopic, subscribedTopics);
    }

    /// <summary>
    /// Maps the service's OpenAPI document (anonymous, for the gateway's API reference), its dead-letter, parked-message
    /// and outbox admin calls, turns on idempotency keys, and returns the group under which its own endpoints go.
    /// </summary>
    public static RouteGroupBuilder MapPlatformService(this WebApplication app, string routePrefix)
    {
        app.MapOpenApi($"{routePrefix}/openapi/{{documentName}}.json").AllowAnonymous();
        app.UseIdempotencyKeys();
        app.MapDeadLetterAdmin(routePrefix);
        app.MapOutboxAdmin(routePrefix);
        return app.MapGroup(routePrefix);
    }
}
