using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Platform.Gateway.Identity.Endpoints;
using Platform.Gateway.Identity.Login;
using Platform.Gateway.Identity.People;
using Platform.Gateway.Identity.Server;
using Platform.Gateway.Identity.Storage;
using Platform.Gateway.Tokens;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Identity;

/// <summary>
/// The gateway's identity provider (architecture.md §6) on OpenIddict: client credentials for machine clients (section
/// <c>TokenIssuer</c>), the authorization code flow with PKCE and refresh tokens for people signing in to the console,
/// discovery and JWKS. People live in the gateway's own PostgreSQL schema. With <c>TokenIssuer:Enabled=false</c> an
/// external provider issues the tokens and none of this is registered.
/// </summary>
public static class IdentityExtensions
{
    public static WebApplicationBuilder AddIdentityProvider(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TokenIssuerOptions>().BindConfiguration(TokenIssuerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TokenIssuerOptions>, TokenIssuerOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        if (!builder.Configuration.GetValue(TokenIssuerOptions.SectionName + ":Enabled", true))
        {
            return builder;
        }

        services.AddSingleton<IssuerKeys>();
        services.AddSingleton<ClientAuthenticator>();
        services.AddOptions<ConsoleClientOptions>().BindConfiguration(ConsoleClientOptions.SectionName)
            .PostConfigure<AuthSettings, IHostEnvironment>((console, auth, environment) =>
            {
                console.BaseUrl = string.IsNullOrWhiteSpace(console.BaseUrl) ? auth.Issuer : console.BaseUrl;
                if (environment.IsDevelopment() && string.IsNullOrEmpty(console.ClientSecret))
                {
                    console.ClientSecret = ConsoleClientOptions.DevelopmentSecret;
                }
            });

        services.AddIdentityDatabase(builder.Configuration);
        services.AddSingleton<RedeemedCodes>();
        services.AddSingleton<IPasswordHasher<Person>, PasswordHasher<Person>>();
        services.AddSingleton<PersonDirectory>();
        services.AddHostedService<DemoPeople>();
        services.AddAntiforgery(o => o.Cookie.Name = "platform.antiforgery");
        services.AddAuthentication().AddCookie(PersonCookie.Scheme, o =>
        {
            o.Cookie.Name = PersonCookie.Name;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = IdentityPaths.Login;
            o.ExpireTimeSpan = PersonCookie.Lifetime;
            o.SlidingExpiration = true;
        });

        AddOpenIddictServer(services);
        TrustOwnKeys(services);

        // The cookie and antiforgery registrations above add data protection's start-up key-ring load again.
        services.ReadKeyRingOnFirstUse();
        return builder;
    }

    private static void AddOpenIddictServer(IServiceCollection services)
    {
        services.AddOpenIddict().AddServer(server =>
        {
            server.SetTokenEndpointUris(IdentityPaths.Token[1..])
                .SetAuthorizationEndpointUris(IdentityPaths.Authorize[1..])
                .SetEndSessionEndpointUris(IdentityPaths.EndSession[1..])
                .SetUserInfoEndpointUris(IdentityPaths.UserInfo[1..])
                .SetConfigurationEndpointUris(IdentityPaths.Configuration[1..])
                .SetJsonWebKeySetEndpointUris(IdentityPaths.Jwks[1..]);
            server.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
            server.RequireProofKeyForCodeExchange();
            server.RegisterScopes("profile", "roles", "offline_access");
            server.EnableDegradedMode();
            server.DisableAccessTokenEncryption();
            server.UseAspNetCore()
                .EnableTokenEndpointPassthrough()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                .EnableUserInfoEndpointPassthrough()
                // TLS ends at the ingress (docs/deploy.md); the gateway itself listens on plain HTTP.
                .DisableTransportSecurityRequirement();
            server.RemoveEventHandler(
                OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreHandlers.ExtractBasicAuthenticationCredentials<OpenIddictServerEvents.ExtractTokenRequestContext>.Descriptor);
            server.AddEventHandler(ClientCredentialsExtraction.Descriptor)
                .AddEventHandler(TokenRequestValidation.Descriptor)
                .AddEventHandler(AuthorizationRequestValidation.Descriptor)
                .AddEventHandler(EndSessionRequestValidation.Descriptor)
                .AddEventHandler(AccessTokenWriter.Descriptor)
                .AddEventHandler(TokenIssuerName.Descriptor)
                .AddEventHandler(ExpiresInAsConfigured.Descriptor)
                .AddEventHandler(DiscoveryIssuerName.Descriptor)
                .AddEventHandler(PublishedKeys.Descriptor);
        });

        services.AddOptions<OpenIddictServerOptions>().Configure<IssuerKeys, IOptions<TokenIssuerOptions>, AuthSettings>((server, keys, issuer, auth) =>
        {
            server.Issuer = new Uri(auth.Issuer, UriKind.Absolute);
            server.SigningCredentials.Add(keys.SigningCredentials);
            server.EncryptionCredentials.Add(keys.EncryptionCredentials);
            server.AccessTokenLifetime = TimeSpan.FromSeconds(issuer.Value.LifetimeSeconds);
            // RFC 9700 §2.1.1: only S256; "plain" would show the verifier to anyone who sees the authorization request.
            server.CodeChallengeMethods.Remove("plain");
        });
    }

    /// <summary>
    /// The gateway always accepts the tokens it issues itself, also when the key is an ephemeral development key that no
    /// <c>Auth:SigningKeys</c> entry can name, and the next key of a rotation before it signs.
    /// </summary>
    private static void TrustOwnKeys(IServiceCollection services) =>
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<IServiceProvider>((jwt, provider) =>
            {
                var keys = provider.GetRequiredService<IssuerKeys>();
                var trusted = jwt.TokenValidationParameters.IssuerSigningKeys?.ToList() ?? [];
                foreach (var own in keys.NextKeys.Prepend(keys.VerificationKey).Where(k => trusted.TrueForAll(t => t.KeyId != k.KeyId)))
                {
                    trusted.Add(own);
                }

                jwt.TokenValidationParameters.IssuerSigningKeys = trusted;
            });

    /// <summary>Maps the protocol endpoints and the sign-in page, unless the issuer is turned off.</summary>
    public static WebApplication MapIdentityProvider(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<TokenIssuerOptions>>().Value.Enabled)
        {
            return app;
        }

        // Load the key now: a bad key stops the start, and an ephemeral one is announced at start, not at the first request.
        _ = app.Services.GetRequiredService<IssuerKeys>();
        app.MapPost(IdentityPaths.Token, TokenEndpoint.HandleAsync).AllowAnonymous().WithName("token");
        app.MapMethods(IdentityPaths.Authorize, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync).AllowAnonymous();
        app.MapMethods(IdentityPaths.EndSession, [HttpMethods.Get, HttpMethods.Post], (Delegate)SessionEndpoints.EndSessionAsync).AllowAnonymous();
        app.MapMethods(IdentityPaths.UserInfo, [HttpMethods.Get, HttpMethods.Post], (Delegate)SessionEndpoints.UserInfoAsync).AllowAnonymous();
        app.MapGet(IdentityPaths.Login, (Delegate)LoginEndpoints.Show).AllowAnonymous();
        app.MapPost(IdentityPaths.Login, (Delegate)LoginEndpoints.SignInAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }
}
