namespace FinanceConsole.Web.Localization;

/// <summary>
/// The console's words in Chinese and English. The language is the person's choice (a cookie set by the switch), else
/// the browser's first preference when it is English, else Chinese: the console's users are mostly Chinese finance staff.
/// </summary>
/// <remarks>
/// Implementation note: the platform runs with invariant globalization, so no <c>CultureInfo</c> for zh-CN exists; the
/// texts are a plain table and amounts are formatted the same way in both languages (¥1,234.56, dates ISO 8601).
/// </remarks>
public sealed class Texts(IHttpContextAccessor accessor)
{
    public const string CookieName = "console-lang";

    private string? _language;

    public string Language => _language ??= Resolve(accessor.HttpContext);

    public bool English => Language == "en";

    public string HtmlLanguage => English ? "en" : "zh-CN";

    public string OtherLanguage => English ? "zh" : "en";

    public string this[string key] =>
        TextTable.Entries.TryGetValue(key, out var text) ? (English ? text.En : text.Zh) : key;

    /// <summary>A text with its placeholders ({0}, {1}, …) filled in.</summary>
    public string Format(string key, params object?[] values) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], values);

    public static string Resolve(HttpContext? context)
    {
        var chosen = context?.Request.Cookies[CookieName];
        if (chosen is "en" or "zh")
        {
            return chosen;
        }

        var preferred = context?.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value)
            .FirstOrDefault();
        return preferred is not null && preferred.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh";
    }
}
