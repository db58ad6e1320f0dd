using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Security;

/// <summary>Token validation settings, read from the <c>Auth</c> configuration section.</summary>
public sealed record AuthSettings(
    string Issuer,
    string Audience,
    string? Authority,
    IReadOnlyList<string> SigningKeys,
    IReadOnlyList<string> Algorithms,
    TimeSpan ClockSkew,
    bool RequireHttpsMetadata)
{
    public const string DefaultIssuer = "https://gateway.platform.local";
    public const string DefaultAudience = "platform-api";

    public static AuthSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Auth");
        var keys = section.GetSection("SigningKeys").GetChildren().Select(c => c.Value).OfType<string>()
            .Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        var algorithms = section.GetSection("Algorithms").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        return new AuthSettings(
            section["Issuer"] ?? DefaultIssuer,
            section["Audience"] ?? DefaultAudience,
            section["Authority"],
            keys,
            algorithms.Count > 0 ? algorithms : [SecurityAlgorithms.RsaSha256],
            TimeSpan.FromSeconds(section.GetValue("ClockSkewSeconds", 30)),
            section.GetValue("RequireHttpsMetadata", true));
    }
}
