namespace CompensationFund.Api.Domain.Governance;

/// <summary>
/// How many distinct people (tokens' subjects) must agree before an action takes effect, per action, as the
/// agreement sets it ("Approval quorums as data"; configured under <c>Fund:Quorum</c>). Four eyes by default:
/// no one moves the fund's money or lifts its protections alone (domain.md §4.1, "auditable").
/// </summary>
public sealed record ApprovalQuorum(IReadOnlyDictionary<string, int> Required)
{
    public const string Approve = "approve";
    public const string Release = "release";
    public const string Clawback = "clawback";
    public const string LimitChange = "limit-change";
    public const string DomainReversal = "domain-reversal";

    public const int DefaultRequired = 2;

    public static readonly IReadOnlyList<string> Actions = [Approve, Release, Clawback, LimitChange, DomainReversal];

    public static readonly ApprovalQuorum Default = new(Actions.ToDictionary(a => a, _ => DefaultRequired, StringComparer.Ordinal));

    /// <summary>How many distinct approvers <paramref name="action"/> needs: at least one, the default when the agreement is silent.</summary>
    public int For(string action) => Required.TryGetValue(action, out var n) ? Math.Max(1, n) : DefaultRequired;
}
