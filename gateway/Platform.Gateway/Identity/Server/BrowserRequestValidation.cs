using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Platform.Gateway.Identity.Server;

/// <summary>
/// The authorization request must come from the console and name its registered redirect URI exactly (OAuth 2.0
/// Security BCP §4.1: no open redirector); OpenIddict's degraded mode leaves this check to the application.
/// </summary>
public sealed class AuthorizationRequestValidation(IOptionsMonitor<ConsoleClientOptions> console)
    : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseSingletonHandler<AuthorizationRequestValidation>()
            .SetOrder(int.MinValue + 10_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var client = console.CurrentValue;
        if (!client.Enabled || !string.Equals(context.ClientId, client.ClientId, StringComparison.Ordinal))
        {
            context.Reject(Errors.InvalidClient, "Unknown client: only the finance console signs people in.");
        }
        else if (!string.Equals(context.RedirectUri, client.RedirectUri, StringComparison.Ordinal))
        {
            context.Reject(Errors.InvalidRequest, "redirect_uri is not the console's registered redirect URI.");
        }

        return default;
    }
}

/// <summary>A sign-out may only send the browser back to the console's registered post-logout address.</summary>
public sealed class EndSessionRequestValidation(IOptionsMonitor<ConsoleClientOptions> console)
    : IOpenIddictServerHandler<ValidateEndSessionRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateEndSessionRequestContext>()
            .UseSingletonHandler<EndSessionRequestValidation>()
            .SetOrder(int.MinValue + 10_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateEndSessionRequestContext context)
    {
        var target = context.PostLogoutRedirectUri;
        if (!string.IsNullOrEmpty(target) && !string.Equals(target, console.CurrentValue.PostLogoutRedirectUri, StringComparison.Ordinal))
        {
            context.Reject(Errors.InvalidRequest, "post_logout_redirect_uri is not the console's registered address.");
        }

        return default;
    }
}
