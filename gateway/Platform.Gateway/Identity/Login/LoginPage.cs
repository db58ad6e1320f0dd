using System.Text.Encodings.Web;

namespace Platform.Gateway.Identity.Login;

/// <summary>
/// The sign-in page, rendered on the server without script (WCAG 2.1 AA): labelled fields, a visible focus ring, text
/// at contrast 15:1 and the button at 7:1, the refusal announced as an alert and tied to the fields.
/// </summary>
public static class LoginPage
{
    public static string Render(LoginText text, string antiforgeryField, string antiforgeryToken, string returnUrl, string username, bool refused)
    {
        var e = HtmlEncoder.Default;
        var describedBy = refused ? " aria-describedby=\"login-error\" aria-invalid=\"true\"" : "";
        var error = refused ? $"<p id=\"login-error\" class=\"error\" role=\"alert\">{e.Encode(text.Refused)}</p>" : "";
        var other = $"{IdentityPaths.Login}?lang={text.SwitchLang}" + (returnUrl.Length > 0 ? "&ReturnUrl=" + Uri.EscapeDataString(returnUrl) : "");
        return $$"""
            <!DOCTYPE html>
            <html lang="{{text.Lang}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{e.Encode(text.Title)}}</title>
            <style>
            body { font-family: system-ui, "Noto Sans SC", sans-serif; background: #f4f6f8; color: #1a1a1a; margin: 0; }
            main { max-width: 24rem; margin: 4rem auto; background: #ffffff; padding: 2rem; border-radius: 8px; border: 1px solid #8a8f98; }
            h1 { font-size: 1.5rem; margin-top: 0; }
            label { display: block; font-weight: 600; margin-top: 1rem; }
            input { display: block; width: 100%; box-sizing: border-box; padding: .6rem; margin-top: .3rem; font-size: 1rem; border: 2px solid #5c6370; border-radius: 4px; color: #1a1a1a; background: #ffffff; }
            button { margin-top: 1.5rem; width: 100%; padding: .7rem; font-size: 1rem; font-weight: 600; color: #ffffff; background: #0b4f94; border: 0; border-radius: 4px; cursor: pointer; }
            input:focus, button:focus, a:focus { outline: 3px solid #b35c00; outline-offset: 2px; }
            .error { color: #9b000e; background: #fdecee; border: 1px solid #9b000e; padding: .75rem; border-radius: 4px; }
            a { color: #0b4f94; }
            </style>
            </head>
            <body>
            <main>
            <h1>{{e.Encode(text.Heading)}}</h1>
            {{error}}
            <form method="post" action="{{IdentityPaths.Login}}">
            <input type="hidden" name="{{e.Encode(antiforgeryField)}}" value="{{e.Encode(antiforgeryToken)}}">
            <input type="hidden" name="ReturnUrl" value="{{e.Encode(returnUrl)}}">
            <input type="hidden" name="lang" value="{{text.Lang}}">
            <label for="Username">{{e.Encode(text.Username)}}</label>
            <input id="Username" name="Username" type="text" autocomplete="username" required autofocus value="{{e.Encode(username)}}"{{describedBy}}>
            <label for="Password">{{e.Encode(text.Password)}}</label>
            <input id="Password" name="Password" type="password" autocomplete="current-password" required{{describedBy}}>
            <button type="submit">{{e.Encode(text.SignIn)}}</button>
            </form>
            <p><a href="{{e.Encode(other)}}" lang="{{text.SwitchLang}}">{{e.Encode(text.Switch)}}</a></p>
            </main>
            </body>
            </html>
            """;
    }
}
