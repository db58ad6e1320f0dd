using System.Security.Claims;
using FinanceConsole.Web.Gateway;
using FinanceConsole.Web.Localization;
using FinanceConsole.Web.Security;

namespace FinanceConsole.Web.Components.Pages;

/// <summary>
/// What may be done to a compensation proposal and by whom (docs/compensation-fund.md §7, §13, §15): the coordinating
/// body approves, rejects, releases the hold-back or claws back; finance disburses an approved proposal; an auditor does
/// nothing. The amount each action moves is what the confirmation shows.
/// </summary>
public sealed record CompensationAction(string Name, string Path, bool ByFinance, bool AskAmount, Func<Compensation, bool> Applies, Func<Compensation, decimal> Amount)
{
    public static readonly IReadOnlyList<CompensationAction> All =
    [
        new("approve", "approve", ByFinance: false, AskAmount: false, p => p.Status == "proposed", p => p.Proposed),
        new("reject", "reject", ByFinance: false, AskAmount: false, p => p.Status == "proposed", _ => 0),
        new("disburse", "disburse", ByFinance: true, AskAmount: false, p => p.Status == "approved" && p.Paid == 0, p => p.Approved - p.HoldBack),
        new("release", "hold-back/release", ByFinance: false, AskAmount: false, p => p.Status is "approved" or "paid" && p.HoldBackPending > 0, p => p.HoldBackPending),
        new("clawback", "clawback", ByFinance: false, AskAmount: true, p => p.Status is "approved" or "paid" && p.Clawable > 0, p => p.Clawable),
    ];

    public static CompensationAction? Find(string? name) => All.FirstOrDefault(a => a.Name == name);

    public bool MayDo(ClaimsPrincipal user, Compensation proposal) =>
        (ByFinance ? user.IsFinance() : user.IsCoordinator()) && Applies(proposal) && !(Name is "approve" or "reject" && HasDecided(user, proposal));

    /// <summary>The quorum counts distinct people (§15): whoever approved or rejected already is not offered the choice again.</summary>
    private static bool HasDecided(ClaimsPrincipal user, Compensation proposal)
    {
        var me = new[] { user.FindFirst("sub")?.Value, user.FindFirst("name")?.Value }.OfType<string>().ToList();
        return proposal.Approvals.Concat(proposal.Rejections).Any(a => me.Contains(a.By));
    }

    public decimal AmountOf(Compensation proposal, CompensationDetailForm form) =>
        AskAmount && Money.Parse(form.Amount) is { } typed ? typed : Amount(proposal);

    public object Body(CompensationDetailForm form) => Name switch
    {
        "approve" => new { note = Blank(form.Note) },
        "reject" => new { reason = Blank(form.Note) },
        "clawback" => new { amount = Money.Parse(form.Amount), reason = Blank(form.Note) },
        _ => new { },
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class CompensationDetailForm
{
    public string? Stage { get; set; }
    public string? Action { get; set; }
    public string? Amount { get; set; }
    public string? Note { get; set; }
    public string? Key { get; set; }
}
