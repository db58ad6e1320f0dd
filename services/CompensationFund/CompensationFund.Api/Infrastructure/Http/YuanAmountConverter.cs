using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompensationFund.Api.Infrastructure.Http;

/// <summary>
/// Reads the amounts of the fund's requests (every amount is a <c>decimal?</c> of yuan) from the digits as sent, so
/// an amount with a fraction of a fen is refused however many digits it has (docs/compensation-fund.md §1).
/// </summary>
/// <remarks>
/// Implementation note: <c>System.Text.Json</c> rounds a number to the 28–29 significant digits a <c>decimal</c>
/// holds, so <c>100.00000000000000000000000000001</c> arrived as <c>100</c> and was posted. The digits
/// are checked here; an amount that is not exact to the fen is handed on as <see cref="NotExactToTheFen"/> and one
/// beyond <c>decimal</c>'s range as <see cref="decimal.MaxValue"/>, so the endpoint's own validation refuses it with
/// its field error (400) like any other inexact or out-of-range amount. Only <c>decimal?</c> is converted: the
/// contribution formula's ratios (<c>decimal</c>) are not amounts and keep their precision.
/// </remarks>
public sealed class YuanAmountConverter : JsonConverter<decimal?>
{
    /// <summary>A value with a fraction of a fen, which <c>Fen.TryFromYuan</c> refuses.</summary>
    public const decimal NotExactToTheFen = 0.001m;

    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("An amount is a JSON number of yuan.");
        }

        var text = reader.HasValueSequence ? Encoding.ASCII.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence)) : Encoding.ASCII.GetString(reader.ValueSpan);
        return Interpret(text);
    }

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is { } amount)
        {
            writer.WriteNumberValue(amount);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>The amount a JSON number denotes, or a value the fund's validation refuses (see the class remarks).</summary>
    public static decimal Interpret(string number)
    {
        if (DecimalPlaces(number) > 2)
        {
            return NotExactToTheFen;
        }

        return decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : decimal.MaxValue;
    }

    /// <summary>How many decimal places the number has once trailing zeros are dropped (<c>1.50</c> has 1, <c>1e-3</c> has 3).</summary>
    public static int DecimalPlaces(string number)
    {
        var e = number.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? number : number[..e];
        var exponent = e < 0 ? 0 : int.TryParse(number[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x) ? x : 0;
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var fraction = dot < 0 ? string.Empty : mantissa[(dot + 1)..].TrimEnd('0');
        if (fraction.Length == 0 && exponent >= 0)
        {
            return 0;
        }

        if (fraction.Length == 0)
        {
            var integer = mantissa.TrimStart('-', '+').TrimEnd('0');
            var zeros = mantissa.TrimStart('-', '+').Length - integer.Length;
            return integer.Length == 0 ? 0 : Math.Max(0, -exponent - zeros);
        }

        return Math.Max(0, fraction.Length - exponent);
    }
}
