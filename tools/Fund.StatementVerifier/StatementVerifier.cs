using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Fund.StatementVerifier;

/// <summary>The verdict on one statement line.</summary>
public sealed record LineVerdict(long Position, string Account, bool Included, string Detail);

/// <summary>
/// Verifies the fund's inclusion proofs (<c>GET /api/fund/members/{cityId}/statement/proofs?period=yyyy-MM</c>) against the
/// root the fund published for the period (<c>GET /api/fund/periods/{period}/root</c>), written from the documented recipe
/// (docs/compensation-fund.md §14) and sharing no code with the fund: the leaf is recomputed from the line's own fields,
/// so a line whose amount, account, date or entry was changed does not verify.
/// </summary>
public static class StatementVerifier
{
    public static IReadOnlyList<LineVerdict> Verify(JsonElement proofs, string publishedRoot)
    {
        var verdicts = new List<LineVerdict>();
        if (!string.Equals(proofs.GetProperty("root").GetString(), publishedRoot, StringComparison.OrdinalIgnoreCase))
        {
            verdicts.Add(new LineVerdict(-1, "*", false, "the proofs were made against a root other than the published one"));
        }

        foreach (var line in proofs.GetProperty("lines").EnumerateArray())
        {
            var canonical = Canonical(line);
            var hash = Leaf(canonical);
            foreach (var step in line.GetProperty("path").EnumerateArray())
            {
                var sibling = Convert.FromHexString(step.GetProperty("hash").GetString()!);
                hash = step.GetProperty("side").GetString() == "left" ? Node(sibling, hash) : Node(hash, sibling);
            }

            var included = string.Equals(Convert.ToHexStringLower(hash), publishedRoot, StringComparison.OrdinalIgnoreCase);
            verdicts.Add(new LineVerdict(
                line.GetProperty("position").GetInt64(), line.GetProperty("account").GetString()!, included, included ? "included under the published root" : "NOT under the published root"));
        }

        return verdicts;
    }

    /// <summary><c>fund-line-v1|position|entryId|account|valueDate|recordedAtMicros|debitsPostedFen|creditsPostedFen|debitsPendingFen|creditsPendingFen</c>.</summary>
    public static string Canonical(JsonElement line) => string.Join(
        '|',
        "fund-line-v1",
        line.GetProperty("position").GetInt64().ToString(CultureInfo.InvariantCulture),
        line.GetProperty("entryId").GetGuid().ToString("D"),
        line.GetProperty("account").GetString(),
        line.GetProperty("valueDate").GetString(),
        line.GetProperty("recordedAtMicros").GetInt64().ToString(CultureInfo.InvariantCulture),
        line.GetProperty("debitsPostedFen").GetInt64().ToString(CultureInfo.InvariantCulture),
        line.GetProperty("creditsPostedFen").GetInt64().ToString(CultureInfo.InvariantCulture),
        line.GetProperty("debitsPendingFen").GetInt64().ToString(CultureInfo.InvariantCulture),
        line.GetProperty("creditsPendingFen").GetInt64().ToString(CultureInfo.InvariantCulture));

    private static byte[] Leaf(string canonical) => SHA256.HashData([0, .. Encoding.UTF8.GetBytes(canonical)]);

    private static byte[] Node(byte[] left, byte[] right) => SHA256.HashData([1, .. left, .. right]);
}
