using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Platform.Gateway.Tokens;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Platform.Gateway.Identity.Server;

/// <summary>
/// Reads the client's credentials of a token request the way the gateway always has (<see cref="ClientCredentials"/>),
/// in place of OpenIddict's own HTTP Basic reader: a malformed Basic header is <c>invalid_client</c> (RFC 6749 §5.2),
/// a <c>client_id</c> beside Basic may only repeat the client's name (§3.2.1), and a repeated parameter is refused (§3.2).
/// </summary>
public sealed class ClientCredentialsExtraction : IOpenIddictServerHandler<ExtractTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ExtractTokenRequestContext>()
            .UseSingletonHandler<ClientCredentialsExtraction>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ExtractBasicAuthenticationCredentials<ExtractTokenRequestContext>.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ExtractTokenRequestContext context)
    {
        var repeated = context.Request!.GetParameters().FirstOrDefault(p => p.Value.GetRawValue() is string?[] { Length: > 1 });
        if (repeated.Key is not null)
        {
            context.Reject(TokenError.InvalidRequest("").Error, $"Parameter '{repeated.Key}' is repeated (RFC 6749 §3.2).");
            return default;
        }

        var authorization = context.Transaction.GetHttpRequest()?.Headers.Authorization.ToString() ?? "";
        if (!ClientCredentials.TryRead(authorization, context.Request.ClientId ?? "", context.Request.ClientSecret ?? "", out var credentials, out var error))
        {
            context.Reject(error.Error, error.Description);
            return default;
        }

        context.Request.ClientId = credentials.ClientId;
        context.Request.ClientSecret = credentials.ClientSecret;
        return default;
    }
}
