using System.Globalization;
using System.Numerics;

namespace CostSharing.Api.Domain.Allocation;

/// <summary>
/// An exact rational number. Every intermediate amount of an allocation is kept as a fraction of fen,
/// so the largest-remainder rounding compares true remainders, never approximations (domain.md §4.1).
/// </summary>
/// <remarks>
/// Implementation note: <see cref="decimal"/> would round quotients such as 100/3 at 28 digits, and two
/// remainders that are equal in truth could then compare unequal, breaking the deterministic tie-break.
/// Big-integer fractions are exact at any size; for a thousand parties the cost is microseconds.
/// </remarks>
public readonly struct Fraction : IEquatable<Fraction>, IComparable<Fraction>
{
    private readonly BigInteger _denominator;

    private Fraction(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        _denominator = denominator;
    }

    public static Fraction Zero => new(BigInteger.Zero, BigInteger.One);

    public static Fraction One => new(BigInteger.One, BigInteger.One);

    public BigInteger Numerator { get; }

    /// <summary>Always positive (a default instance reads as 0/1).</summary>
    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    public bool IsZero => Numerator.IsZero;

    public int Sign => Numerator.Sign;

    public static Fraction Of(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A fraction's denominator cannot be zero.");
        }

        if (denominator.Sign < 0)
        {
            (numerator, denominator) = (-numerator, -denominator);
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        return gcd.IsOne || gcd.IsZero ? new(numerator, denominator) : new(numerator / gcd, denominator / gcd);
    }

    /// <summary>The exact value of a decimal (its mantissa over a power of ten).</summary>
    public static Fraction From(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        return Of(bits[3] < 0 ? -mantissa : mantissa, BigInteger.Pow(10, scale));
    }

    public static Fraction From(long value) => new(value, BigInteger.One);

    /// <summary>The largest whole number not above this fraction.</summary>
    public BigInteger Floor() => BigInteger.Divide(Numerator - (Numerator.Sign < 0 ? Denominator - 1 : 0), Denominator);

    /// <summary>This fraction minus its floor: in [0, 1).</summary>
    public Fraction FractionalPart() => this - From((long)Floor());

    /// <summary>For display only: rounded half away from zero to <paramref name="decimals"/> places.</summary>
    public decimal ToDecimal(int decimals)
    {
        var scale = BigInteger.Pow(10, decimals);
        var scaled = Numerator * scale * 2;
        var rounded = (BigInteger.Abs(scaled) / Denominator + 1) / 2 * Numerator.Sign;
        return (decimal)rounded / (decimal)scale;
    }

    public override string ToString() =>
        Denominator.IsOne
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";

    public static Fraction operator +(Fraction a, Fraction b) =>
        Of((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a, Fraction b) =>
        Of((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) => Of(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Fraction operator /(Fraction a, Fraction b) => Of(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static Fraction operator -(Fraction a) => new(-a.Numerator, a.Denominator);

    public static bool operator ==(Fraction a, Fraction b) => a.Equals(b);

    public static bool operator !=(Fraction a, Fraction b) => !a.Equals(b);

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    public static Fraction Sum(IEnumerable<Fraction> values) => values.Aggregate(Zero, (sum, v) => sum + v);

    public int CompareTo(Fraction other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Fraction other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Fraction other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);
}
