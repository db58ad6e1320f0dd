using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;

namespace Platform.Gateway.Tokens;

/// <summary>
/// The client's id and secret, from HTTP Basic (RFC 6749 §2.3.1, both parts form-url-encoded before base64) or from
/// the <c>client_id</c> and <c>client_secret</c> form fields. A request may use one method only.
/// </summary>
internal sealed record ClientCredentials(string ClientId, string ClientSecret)
{
    public const string BasicScheme = "Basic";

    /// <summary>Reads the credentials, or says which error to answer with.</summary>
    public static bool TryRead(
        string authorization,
        string formId,
        string formSecret,
        [NotNullWhen(true)] out ClientCredentials? credentials,
        [NotNullWhen(false)] out TokenError? error)
    {
        (credentials, error) = Read(authorization, formId, formSecret);
        return credentials is not null;
    }

    private static (ClientCredentials?, TokenError?) Read(string authorization, string formId, string formSecret)
    {
        var hasFormCredentials = formId.Length > 0 || formSecret.Length > 0;

        if (authorization.Length > 0)
        {
            // RFC 6749 §2.3: one authentication method per request. A client_id beside HTTP Basic only names the client
            // (§3.2.1, as some clients, the API reference page among them, send it), so it is allowed if it agrees.
            if (formSecret.Length > 0)
            {
                return (null, TokenError.InvalidRequest("Authenticate with HTTP Basic or with client_id/client_secret, not both."));
            }

            var (basic, error) = FromBasic(authorization);
            if (basic is not null && formId.Length > 0 && formId != basic.ClientId)
            {
                return (null, TokenError.InvalidRequest("client_id in the body names another client than the Authorization header."));
            }

            return (basic, error);
        }

        if (!hasFormCredentials)
        {
            return (null, TokenError.InvalidClient("No client authentication was included."));
        }

        if (formId.Length == 0 || formSecret.Length == 0)
        {
            return (null, TokenError.InvalidRequest("client_id and client_secret must be given together."));
        }

        return (new ClientCredentials(formId, formSecret), null);
    }

    private static (ClientCredentials?, TokenError?) FromBasic(string authorization)
    {
        var malformed = TokenError.InvalidClient("The Authorization header is not valid HTTP Basic client authentication.");
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, BasicScheme, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(header.Parameter))
        {
            return (null, malformed);
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return (null, malformed);
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == decoded.Length - 1)
        {
            return (null, malformed);
        }

        return (new ClientCredentials(FormDecode(decoded[..colon]), FormDecode(decoded[(colon + 1)..])), null);
    }

    private static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
