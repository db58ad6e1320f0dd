using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Platform.Gateway.Tokens;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Platform.Gateway.Identity.Server;

/// <summary>
/// The JWKS holds, after the signing key OpenIddict publishes, the keys of a rotation: the next key
/// (<c>TokenIssuer:NextSigningKeyPem</c>, published before it signs) and the previous ones (<c>Auth:SigningKeys</c>).
/// </summary>
public sealed class PublishedKeys(IssuerKeys keys) : IOpenIddictServerHandler<HandleJsonWebKeySetRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleJsonWebKeySetRequestContext>()
            .UseSingletonHandler<PublishedKeys>()
            .SetOrder(int.MaxValue - 200_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleJsonWebKeySetRequestContext context)
    {
        foreach (var key in keys.PublishedKeys.Where(k => context.Keys.TrueForAll(published => published.Kid != k.KeyId)))
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
            jwk.Use = JsonWebKeyUseNames.Sig;
            jwk.Alg = SecurityAlgorithms.RsaSha256;
            context.Keys.Add(jwk);
        }

        return default;
    }
}
