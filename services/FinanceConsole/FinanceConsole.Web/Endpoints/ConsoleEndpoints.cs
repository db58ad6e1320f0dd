using FinanceConsole.Web.Localization;
using FinanceConsole.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace FinanceConsole.Web.Endpoints;

/// <summary>What is not a page: the language switch, signing in and out, the bank upload and the statement download.</summary>
public static class ConsoleEndpoints
{
    public static IEndpointRouteBuilder MapConsoleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language", ChooseLanguage).AllowAnonymous();
        app.MapGet("/account/signin", (string? returnUrl, HttpContext http) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + LocalPath(returnUrl) }));
        app.MapPost("/account/signout", (Delegate)SignOut).AllowAnonymous().WithMetadata(new RequireAntiforgeryTokenAttribute());
        app.MapBankUpload();
        app.MapStatementDownload();
        return app;
    }

    /// <summary>Sets the language cookie and returns to the page the person was on (a local path only: no open redirect).</summary>
    private static IResult ChooseLanguage(string? to, string? returnUrl, HttpContext http)
    {
        var language = to == "en" ? "en" : "zh";
        http.Response.Cookies.Append(Texts.CookieName, language, new CookieOptions
        {
            Path = http.Request.PathBase.HasValue ? http.Request.PathBase.Value : "/",
            MaxAge = TimeSpan.FromDays(365),
            SameSite = SameSiteMode.Lax,
            HttpOnly = true,
            Secure = http.Request.IsHttps,
        });
        return Results.Redirect(http.Request.PathBase + LocalPath(returnUrl));
    }

    /// <summary>
    /// Ends the console's session and the issuer's (OpenID Connect RP-initiated logout), so the next visit asks for the
    /// password again. A forged cross-site post (no antiforgery token) signs no one out.
    /// </summary>
    private static async Task<IResult> SignOut(HttpContext http)
    {
        if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            return Results.BadRequest();
        }

        var properties = new AuthenticationProperties { RedirectUri = http.Request.PathBase + "/signed-out" };
        if (http.User.Identity?.IsAuthenticated != true)
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect(properties.RedirectUri);
        }

        return Results.SignOut(properties, [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
    }

    public static string LocalPath(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
