using Platform.ServiceDefaults.Observability;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Platform.Gateway.Proxy;

/// <summary>
/// What every route does to a request before it leaves the gateway, and the rule that every route names the
/// policy its callers must satisfy.
/// </summary>
internal sealed class GatewayTransforms : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
        var policy = context.Route.AuthorizationPolicy;
        if (string.IsNullOrWhiteSpace(policy))
        {
            context.Errors.Add(new InvalidOperationException(
                $"Route '{context.Route.RouteId}' names no AuthorizationPolicy; every gateway route must say who may call it."));
        }
        else if (policy.Equals("anonymous", StringComparison.OrdinalIgnoreCase))
        {
            // Only the gateway's own token, discovery, API reference and health endpoints are anonymous (architecture.md §6).
            context.Errors.Add(new InvalidOperationException(
                $"Route '{context.Route.RouteId}' is anonymous; no proxied route may be reached without a token."));
        }
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        // Added before YARP's default X-Forwarded-* transforms, which then write their own values afresh.
        context.RequestTransforms.Add(new StripSpoofableHeadersTransform());
        context.AddRequestTransform(ForwardCorrelationId);
    }

    /// <summary>The service logs under the same correlation id as the gateway, also when the gateway made it up.</summary>
    private static ValueTask ForwardCorrelationId(RequestTransformContext context)
    {
        if (CorrelationContext.CorrelationId is { } correlationId)
        {
            RequestTransform.RemoveHeader(context, CorrelationIdMiddleware.HeaderName);
            RequestTransform.AddHeader(context, CorrelationIdMiddleware.HeaderName, correlationId);
        }

        return ValueTask.CompletedTask;
    }
}
