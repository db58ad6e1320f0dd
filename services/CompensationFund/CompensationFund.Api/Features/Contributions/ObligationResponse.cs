using CompensationFund.Api.Domain.Contributions;
using CompensationFund.Api.Domain.Money;
using Platform.ServiceDefaults.Security;

namespace CompensationFund.Api.Features.Contributions;

/// <summary>An obligation with what is paid and outstanding, and how long it is overdue as of a date.</summary>
public sealed record ObligationResponse(
    Guid Id, string Code, string CityId, string Kind, string Description, decimal Amount, decimal Paid, decimal Outstanding, DateOnly DueDate, int DaysOverdue,
    DateOnly? PenaltyAssessedThrough)
{
    public static ObligationResponse From(Obligation o, DateOnly asOf) => new(
        o.Id, o.Code, o.CityId, ObligationKinds.Name(o.Kind), o.Description, Fen.ToYuan(o.Amount), Fen.ToYuan(o.Paid), Fen.ToYuan(o.Outstanding), o.DueDate, o.DaysOverdue(asOf),
        o.PenaltyAssessedThrough);
}

public sealed record ContributionCallResponse(
    Guid Id, string Period, decimal Total, string Formula, IReadOnlyDictionary<string, decimal> Weights, IReadOnlyDictionary<string, decimal> Shares, DateOnly DueDate,
    Guid EntryId, DateTimeOffset CalledAt)
{
    public static ContributionCallResponse From(ContributionCall c) => new(
        c.Id, c.Period, Fen.ToYuan(c.Total), c.Formula, c.Weights, c.Shares.ToDictionary(s => s.Key, s => Fen.ToYuan(s.Value)), c.DueDate, c.EntryId, c.CalledAt);

    /// <summary>What a city sees of a call: the total and formula, and its own weight and share only (privacy between cities).</summary>
    public static ContributionCallResponse ForCity(ContributionCall c, string cityId) => From(c) with
    {
        Weights = c.Weights.Where(w => w.Key == cityId).ToDictionary(w => w.Key, w => w.Value),
        Shares = c.Shares.Where(s => s.Key == cityId).ToDictionary(s => s.Key, s => Fen.ToYuan(s.Value)),
    };

    /// <summary>The call as <paramref name="http"/>'s caller may see it.</summary>
    public static ContributionCallResponse For(ContributionCall c, HttpContext http) =>
        http.User.IsCity() ? ForCity(c, http.User.CityId() ?? string.Empty) : From(c);
}
