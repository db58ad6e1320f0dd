using System.Globalization;
using System.Text.RegularExpressions;

namespace Evaluation.Api.Domain.Rounds;

/// <summary>
/// The period a participant round covers: a year (<c>2026</c>), a half (<c>2026-H1</c>), a quarter (<c>2026-Q3</c>) or a
/// month (<c>2026-07</c>), as the half-open UTC interval [Start, End). Cost input is summed over allocations finalized in it.
/// </summary>
public sealed partial record Period(string Name, DateTimeOffset Start, DateTimeOffset End)
{
    public static Period? Parse(string? name)
    {
        var match = name is null ? null : Pattern().Match(name);
        if (match is not { Success: true })
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var (month, months) = match.Groups["part"].Value switch
        {
            "" => (1, 12),
            ['H', var h] => (((h - '1') * 6) + 1, 6),
            ['Q', var q] => (((q - '1') * 3) + 1, 3),
            var m => (int.Parse(m, CultureInfo.InvariantCulture), 1),
        };
        if (year is < 2000 or > 2999 || month is < 1 or > 12)
        {
            return null;
        }

        var start = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
        return new Period(name!, start, start.AddMonths(months));
    }

    public bool Contains(DateTimeOffset moment) => moment >= Start && moment < End;

    [GeneratedRegex(@"^(?<year>\d{4})(-(?<part>H[12]|Q[1-4]|\d{2}))?$")]
    private static partial Regex Pattern();
}
