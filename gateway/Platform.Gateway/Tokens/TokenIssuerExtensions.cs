using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Gateway.Discovery;

namespace Platform.Gateway.Tokens;

public static class TokenIssuerExtensions
{
    public static IServiceCollection AddTokenIssuer(this IServiceCollection services)
    {
        services.AddOptions<TokenIssuerOptions>().BindConfiguration(TokenIssuerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TokenIssuerOptions>, TokenIssuerOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IssuerKeys>();
        services.AddSingleton<ClientAuthenticator>();
        services.AddSingleton<AccessTokenIssuer>();

        // The gateway always accepts the tokens it issues itself, also when the key is an ephemeral
        // development key that no Auth:SigningKeys entry can name.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<IOptions<TokenIssuerOptions>, IServiceProvider>((jwt, issuer, provider) =>
            {
                if (!issuer.Value.Enabled)
                {
                    return;
                }

                var own = provider.GetRequiredService<IssuerKeys>().VerificationKey;
                var trusted = jwt.TokenValidationParameters.IssuerSigningKeys?.ToList() ?? [];
                if (trusted.TrueForAll(k => k.KeyId != own.KeyId))
                {
                    jwt.TokenValidationParameters.IssuerSigningKeys = [.. trusted, own];
                }
            });
        return services;
    }

    /// <summary>Maps the token endpoint and the discovery documents, unless the issuer is turned off.</summary>
    public static WebApplication MapTokenIssuer(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<TokenIssuerOptions>>().Value.Enabled)
        {
            return app;
        }

        // Load the key now: a bad key stops the start, and an ephemeral one is announced at start, not at the first request.
        _ = app.Services.GetRequiredService<IssuerKeys>();
        app.MapPost(TokenEndpoint.Path, TokenEndpoint.HandleAsync).AllowAnonymous().WithName("token");
        app.MapDiscovery();
        return app;
    }
}
