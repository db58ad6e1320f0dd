using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Proxy;

/// <summary>YARP's client for each cluster, with <see cref="SafeMethodRetryHandler"/> in front of the socket handler.</summary>
internal sealed class RetryingForwarderHttpClientFactory(IOptions<RetryOptions> options, ILogger<ForwarderHttpClientFactory> logger)
    : ForwarderHttpClientFactory(logger)
{
    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler)
    {
        var inner = base.WrapHandler(context, handler);
        return options.Value.MaxRetryAttempts <= 0
            ? inner
            : new SafeMethodRetryHandler(options.Value, context.ClusterId) { InnerHandler = inner };
    }
}
