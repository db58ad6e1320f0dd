using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Prometheus;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// <c>platform_authentication_failures_total{reason}</c>: requests refused with 401 because the caller presented no
/// valid bearer token, by what was wrong with it. Counted at the challenge, so a bad token sent to an anonymous
/// endpoint (which is not refused) does not count, and each refusal counts once.
/// </summary>
public static class AuthenticationFailureMetrics
{
    private static readonly Counter Failures = Metrics.CreateCounter(
        "platform_authentication_failures_total",
        "Requests refused because the caller presented no valid bearer token, by reason.",
        new CounterConfiguration { LabelNames = ["reason"] });

    public static JwtBearerEvents Events() => new()
    {
        OnChallenge = context =>
        {
            Failures.WithLabels(Reason(context.AuthenticateFailure)).Inc();
            return Task.CompletedTask;
        },
    };

    /// <summary>A short, bounded label for the validation failure (never the exception's message, which may echo the token).</summary>
    public static string Reason(Exception? failure) => failure switch
    {
        null => "missing_token",
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not_yet_valid",
        SecurityTokenInvalidIssuerException => "issuer",
        SecurityTokenInvalidAudienceException => "audience",
        SecurityTokenInvalidAlgorithmException => "algorithm",
        SecurityTokenSignatureKeyNotFoundException => "unknown_key",
        SecurityTokenInvalidSignatureException => "signature",
        SecurityTokenMalformedException => "malformed",
        _ => "other",
    };
}
