using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Hosting;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// JWT bearer validation as every component does it: pinned algorithms, issuer, audience, lifetime with a
/// small clock skew. Keys come from an OpenID Connect authority (<c>Auth:Authority</c>, e.g. Keycloak or
/// the gateway's own issuer) or from PEM public keys in configuration (<c>Auth:SigningKeys</c>; several
/// keys let a rotation overlap).
/// </summary>
public static class AuthenticationExtensions
{
    public static WebApplicationBuilder AddPlatformAuthentication(this WebApplicationBuilder builder)
    {
        var settings = AuthSettings.From(builder.Configuration);
        // Parsed now, not on the first request: a truncated key must stop the process at start, naming the setting.
        var signingKeys = SigningKeys(settings);
        builder.Services.AddSingleton(settings);
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.Events = AuthenticationFailureMetrics.Events();
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                if (!string.IsNullOrWhiteSpace(settings.Authority))
                {
                    o.Authority = settings.Authority;
                }
                else
                {
                    // Fixed keys: a token found valid stays valid until it expires (RememberingTokenHandler).
                    o.TokenHandlers.Clear();
                    o.TokenHandlers.Add(new RememberingTokenHandler { MapInboundClaims = false });
                }

                o.TokenValidationParameters = TokenValidation(settings, signingKeys);
            });

        builder.Services.ReadKeyRingOnFirstUse();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PlatformPolicies.AnyRole, p => p.RequireAuthenticatedUser().RequireClaim(PlatformClaims.Role, PlatformRoles.All))
            .AddPolicy(PlatformPolicies.Coordinator, p => p.RequireClaim(PlatformClaims.Role, PlatformRoles.Coordinator))
            .AddPolicy(PlatformPolicies.AllianceReader, p => p.RequireClaim(
                PlatformClaims.Role, PlatformRoles.Coordinator, PlatformRoles.Finance, PlatformRoles.Auditor, PlatformRoles.Evaluator));
        return builder;
    }

    /// <summary>The configuration's PEM public keys, parsed; a key that is not one names its setting.</summary>
    public static IReadOnlyList<SecurityKey> SigningKeys(AuthSettings settings) =>
        [.. settings.SigningKeys.Select((pem, i) => SigningKey(pem, $"Auth:SigningKeys:{i}"))];

    /// <summary>What every component checks in a token: pinned algorithms, issuer, audience, signature, and lifetime with the clock skew.</summary>
    public static TokenValidationParameters TokenValidation(AuthSettings settings, IEnumerable<SecurityKey> signingKeys) => new()
    {
        ValidIssuer = settings.Issuer,
        ValidAudience = settings.Audience,
        ValidAlgorithms = settings.Algorithms,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = settings.ClockSkew,
        NameClaimType = PlatformClaims.Subject,
        RoleClaimType = PlatformClaims.Role,
        IssuerSigningKeys = signingKeys,
    };

    /// <summary>
    /// <c>AddAuthentication</c> brings ASP.NET Core data protection, whose hosted service reads (or creates) the key ring at
    /// start, and with it the XML stack: about 4 MiB of mapped assemblies and their compiled code in every process (docs/deploy.md
    /// "Memory at rest"). The services never protect anything (bearer tokens only); the gateway's sign-in cookie and
    /// antiforgery token read the key ring when first used. So the eager load goes; data protection itself stays.
    /// Call it again after anything that adds data protection (<c>AddAuthentication</c>, <c>AddAntiforgery</c>) re-adds it.
    /// </summary>
    public static IServiceCollection ReadKeyRingOnFirstUse(this IServiceCollection services)
    {
        var eager = services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList();
        foreach (var descriptor in eager)
        {
            services.Remove(descriptor);
        }

        return services;
    }

    private static RsaSecurityKey SigningKey(string pem, string setting)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new InvalidSettingException(setting, "is not a PEM-encoded RSA public key", e);
        }

        return new RsaSecurityKey(rsa) { KeyId = KeyIds.For(rsa) };
    }
}

/// <summary>Stable key ids (RFC 7638 style thumbprint) so issuer and validators agree without configuration.</summary>
public static class KeyIds
{
    public static string For(RSA rsa)
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var thumbprint = SHA256.HashData([.. parameters.Modulus!, .. parameters.Exponent!]);
        return Base64UrlEncoder.Encode(thumbprint.AsSpan(0, 16).ToArray());
    }
}
