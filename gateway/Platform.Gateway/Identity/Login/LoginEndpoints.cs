using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Platform.Gateway.Identity.People;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Identity.Login;

/// <summary>
/// <c>GET /account/login</c> shows the form; <c>POST</c> (antiforgery-checked) signs the person in at the gateway and
/// goes back to where the sign-in was asked for (the authorize request). Every refusal reads the same, whether the
/// username exists, the password is wrong or the account is locked (OWASP Authentication Cheat Sheet).
/// </summary>
public static class LoginEndpoints
{
    public static IResult Show(HttpContext context, IAntiforgery antiforgery) =>
        Page(context, antiforgery, LocalOrEmpty(context.Request.Query["ReturnUrl"].ToString()), "", refused: false);

    public static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, PersonDirectory people)
    {
        if (!context.Request.HasFormContentType)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest("The sign-in form expired or was not sent by this site: reload the page and try again.");
        }

        var username = form["Username"].ToString().Trim();
        var returnUrl = LocalOrEmpty(form["ReturnUrl"].ToString());
        var result = await people.SignInAsync(username, form["Password"].ToString(), context.RequestAborted);
        if (result is not { Outcome: SignInOutcome.SignedIn, Person: { } person })
        {
            return Page(context, antiforgery, returnUrl, username, refused: true);
        }

        var identity = new ClaimsIdentity(
            [new Claim(PlatformClaims.Subject, person.Id), new Claim("name", person.DisplayName)], PersonCookie.Scheme, "name", PlatformClaims.Role);
        await context.SignInAsync(PersonCookie.Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl.Length > 0 ? returnUrl : "/console/");
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string returnUrl, string username, bool refused)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Frame-Options"] = "DENY";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        var html = LoginPage.Render(LoginText.For(context.Request), tokens.FormFieldName, tokens.RequestToken!, returnUrl, username, refused);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>Only a path on this site: an absolute or protocol-relative URL would make the page an open redirector.</summary>
    private static string LocalOrEmpty(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "";
}
