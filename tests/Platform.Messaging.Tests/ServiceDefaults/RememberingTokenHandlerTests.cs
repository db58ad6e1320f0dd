using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Security;
using Platform.Testing;
using Xunit;

namespace Platform.Messaging.Tests.ServiceDefaults;

/// <summary>A remembered token is accepted again only as long as validating it in full would accept it.</summary>
public sealed class RememberingTokenHandlerTests
{
    private static readonly TokenValidationParameters Parameters = ParametersFor(TestTokens.PublicKeyPem);

    [Fact]
    public async Task A_remembered_token_gives_each_request_its_own_identity()
    {
        var handler = new RememberingTokenHandler { MapInboundClaims = false };
        var token = TestTokens.For(PlatformRoles.Finance);

        var first = await handler.ValidateTokenAsync(token, Parameters);
        var second = await handler.ValidateTokenAsync(token, Parameters);
        first.ClaimsIdentity.AddClaim(new Claim("added-by-a-request", "first"));
        second.ClaimsIdentity.AddClaim(new Claim("added-by-a-request", "second"));
        var third = await handler.ValidateTokenAsync(token, Parameters);

        Assert.All([first, second, third], r => Assert.True(r.IsValid));
        Assert.Null(third.ClaimsIdentity.FindFirst("added-by-a-request"));
        Assert.Equal(PlatformRoles.Finance, third.ClaimsIdentity.FindFirst(PlatformClaims.Role)?.Value);
        Assert.Equal(first.SecurityToken.ValidTo, third.SecurityToken.ValidTo);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_has_expired()
    {
        var handler = new RememberingTokenHandler { MapInboundClaims = false };
        var token = TestTokens.For(PlatformRoles.Finance, lifetime: TimeSpan.FromSeconds(2));
        var first = await handler.ValidateTokenAsync(token, Parameters);
        Assert.True(first.IsValid);

        await Task.Delay(first.SecurityToken.ValidTo - DateTime.UtcNow + TimeSpan.FromMilliseconds(200));
        var again = await handler.ValidateTokenAsync(token, Parameters);

        Assert.False(again.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(again.Exception);
    }

    [Fact]
    public async Task A_token_whose_signature_was_changed_is_refused_after_the_genuine_one_was_remembered()
    {
        var handler = new RememberingTokenHandler { MapInboundClaims = false };
        var token = TestTokens.For(PlatformRoles.Finance);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);

        var forged = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        var result = await handler.ValidateTokenAsync(forged, Parameters);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_remembered_token_is_validated_in_full_when_the_call_no_longer_holds_its_key()
    {
        var remembering = new RememberingTokenHandler { MapInboundClaims = false };
        var token = TestTokens.For(PlatformRoles.Finance);
        Assert.True((await remembering.ValidateTokenAsync(token, Parameters)).IsValid);

        using var other = RSA.Create(2048);
        var result = await remembering.ValidateTokenAsync(token, ParametersFor(other.ExportSubjectPublicKeyInfoPem()));

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(result.Exception);
    }

    /// <summary>The services' own parameters over <paramref name="publicKeyPem"/>, with no clock skew so expiry is testable in seconds.</summary>
    private static TokenValidationParameters ParametersFor(string publicKeyPem)
    {
        var settings = new AuthSettings(
            AuthSettings.DefaultIssuer, AuthSettings.DefaultAudience, Authority: null, [publicKeyPem], [SecurityAlgorithms.RsaSha256], TimeSpan.Zero, RequireHttpsMetadata: false);
        return AuthenticationExtensions.TokenValidation(settings, AuthenticationExtensions.SigningKeys(settings));
    }
}
