using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features;

/// <summary>
/// Identifiers that end up on statements and bank matches (city ids, bank references, references, codes) are plain
/// text: no control characters (NUL truncates in C libraries and PostgreSQL refuses it in text, answered 500 before)
/// and no bidirectional formatting marks, which can make a statement line read as another city's or another amount
/// (the "Trojan Source" attack, CVE-2021-42574).
/// </summary>
public static class PlainText
{
    public static bool IsPlain(string? value) => value is null || !value.Any(IsForbidden);

    /// <summary>Requires <paramref name="value"/> when <paramref name="required"/>, and plain text when given.</summary>
    public static RequestValidation RequirePlain(this RequestValidation validation, string? value, string field, bool required = true, int maxLength = 200)
    {
        if (required)
        {
            validation.RequireText(value, field, maxLength);
        }
        else
        {
            validation.Require(value is null || (value.Length > 0 && value.Length <= maxLength), field, $"'{field}' has 1 to {maxLength} characters.");
        }

        return validation.Require(IsPlain(value), field, $"'{field}' may not contain control characters or bidirectional formatting marks.");
    }

    /// <summary>The platform's rule (NUL, bidirectional marks) plus every other control character: identifiers have no line breaks.</summary>
    private static bool IsForbidden(char c) => char.IsControl(c) || Platform.ServiceDefaults.Api.PlainText.IsForbidden(c);
}
