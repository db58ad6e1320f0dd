using System.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;

namespace Platform.Gateway.Proxy;

/// <summary>
/// Removes <see cref="SpoofableHeaders"/> from the outgoing request. It works on the request YARP is about to
/// send (the incoming headers are already copied into it), so nothing that was copied can slip through.
/// </summary>
internal sealed class StripSpoofableHeadersTransform : RequestTransform
{
    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        Strip(context.ProxyRequest.Headers);
        if (context.ProxyRequest.Content is { } content)
        {
            Strip(content.Headers);
        }

        return ValueTask.CompletedTask;
    }

    private static void Strip(HttpHeaders headers)
    {
        var spoofable = headers.NonValidated.Select(h => h.Key).Where(SpoofableHeaders.IsSpoofable).ToList();
        foreach (var name in spoofable)
        {
            headers.Remove(name);
        }
    }
}
