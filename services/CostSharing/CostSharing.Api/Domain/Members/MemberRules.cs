using System.Text.RegularExpressions;

namespace CostSharing.Api.Domain.Members;

/// <summary>What makes member details valid, as pure rules returning field errors.</summary>
public static partial class MemberRules
{
    public const int MaxNameLength = 100;

    /// <summary>City ids are stable slugs (e.g. <c>hangzhou</c>): they key events, accounts and tokens.</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$", RegexOptions.CultureInvariant)]
    public static partial Regex CityIdPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    public static IEnumerable<(string Field, string Message)> Check(
        string? cityId, string? name, string? province, long? population, decimal? gdpCny,
        string? contactName, string? contactEmail, string? contactPhone)
    {
        if (cityId is null || !CityIdPattern().IsMatch(cityId))
        {
            yield return ("cityId", "'cityId' is required: 2-40 lower-case letters, digits or hyphens, starting with a letter.");
        }

        foreach (var error in Text(name, "name", MaxNameLength).Concat(Text(province, "province", MaxNameLength)))
        {
            yield return error;
        }

        if (population is null or <= 0)
        {
            yield return ("population", "'population' is required and must be a positive whole number.");
        }

        if (gdpCny is null or < 0)
        {
            yield return ("gdpCny", "'gdpCny' is required and must not be negative.");
        }
        else if (decimal.Round(gdpCny.Value, 2) != gdpCny.Value)
        {
            yield return ("gdpCny", "'gdpCny' has at most two decimal places (fen).");
        }

        foreach (var error in Text(contactName, "contact.name", MaxNameLength))
        {
            yield return error;
        }

        if (contactEmail is null || contactEmail.Length > 200 || !EmailPattern().IsMatch(contactEmail))
        {
            yield return ("contact.email", "'contact.email' is required and must be an e-mail address.");
        }

        if (contactPhone is { Length: > 40 })
        {
            yield return ("contact.phone", "'contact.phone' must be at most 40 characters.");
        }
    }

    private static IEnumerable<(string, string)> Text(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return (field, $"'{field}' is required.");
        }
        else if (value.Length > maxLength)
        {
            yield return (field, $"'{field}' must be at most {maxLength} characters.");
        }
    }
}
