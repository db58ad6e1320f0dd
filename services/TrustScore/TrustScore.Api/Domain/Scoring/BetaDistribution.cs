namespace TrustScore.Api.Domain.Scoring;

/// <summary>
/// The Beta(α, β) distribution's CDF and quantiles, which the Whitby–Jøsang filter compares the consensus against.
/// </summary>
/// <remarks>
/// Implementation note: the CDF is the regularized incomplete beta function I_x(α, β), evaluated by its continued
/// fraction with the modified Lentz method (Press et al., Numerical Recipes, §6.4), using the symmetry
/// I_x(α, β) = 1 − I_{1−x}(β, α) where the fraction converges slowly. ln Γ comes from the Lanczos approximation
/// (g = 7, n = 9), accurate to about 15 digits. A quantile is found by bisection: the CDF is monotone, 60 halvings give
/// full double precision, and the filter needs only a few quantiles per reporter.
/// </remarks>
public static class BetaDistribution
{
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    public static double Cdf(double x, double alpha, double beta)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var front = Math.Exp(LogGamma(alpha + beta) - LogGamma(alpha) - LogGamma(beta) + (alpha * Math.Log(x)) + (beta * Math.Log(1 - x)));
        return x < (alpha + 1) / (alpha + beta + 2)
            ? front * ContinuedFraction(x, alpha, beta) / alpha
            : 1 - (front * ContinuedFraction(1 - x, beta, alpha) / beta);
    }

    public static double Quantile(double p, double alpha, double beta)
    {
        double low = 0, high = 1;
        for (var i = 0; i < 60; i++)
        {
            var mid = (low + high) / 2;
            if (Cdf(mid, alpha, beta) < p)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    private static double ContinuedFraction(double x, double a, double b)
    {
        const double tiny = 1e-300;
        var qab = a + b;
        var qap = a + 1;
        var qam = a - 1;
        var c = 1.0;
        var d = 1 - (qab * x / qap);
        d = Math.Abs(d) < tiny ? tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 300; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15)
            {
                break;
            }
        }

        return h;
    }
}
