namespace Platform.Gateway.Identity.Login;

/// <summary>The sign-in page's words in Chinese and English; Chinese when asked (<c>?lang=zh</c>) or preferred by the browser.</summary>
public sealed record LoginText(
    string Lang, string Title, string Heading, string Username, string Password, string SignIn, string Refused, string Switch, string SwitchLang)
{
    public static readonly LoginText English = new(
        "en", "Sign in – Risk Co-Governance Platform", "Sign in", "Username", "Password", "Sign in",
        "Sign-in failed: the username or password is wrong, or the account is locked. After 5 failed attempts an account is locked for 15 minutes.",
        "中文", "zh");

    public static readonly LoginText Chinese = new(
        "zh", "登录 – 跨域风险共治平台", "登录", "用户名", "密码", "登录",
        "登录失败：用户名或密码错误，或账户已被锁定。连续 5 次登录失败后，账户将被锁定 15 分钟。",
        "English", "en");

    public static LoginText For(HttpRequest request)
    {
        var asked = request.Query["lang"].ToString();
        if (asked.Length == 0 && request.HasFormContentType)
        {
            asked = request.Form["lang"].ToString();
        }

        if (asked.Length > 0)
        {
            return asked.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
        }

        var preferred = request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
        return preferred?.Value.Value?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true ? Chinese : English;
    }
}
