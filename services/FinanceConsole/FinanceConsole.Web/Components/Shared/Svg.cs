using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;

namespace FinanceConsole.Web.Components.Shared;

/// <summary>SVG <c>text</c> elements, which Razor cannot write as markup (it reserves the <c>&lt;text&gt;</c> tag); the content is HTML-encoded.</summary>
public static class Svg
{
    public static MarkupString Text(double x, double y, string cssClass, string content, string anchor = "start") =>
        new(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" class=\"{cssClass}\">{WebUtility.HtmlEncode(content)}</text>"));
}
