using CostSharing.Api.Domain.Allocation;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Features.Shared;

/// <summary>Money is decimal yuan with at most two places, never negative, within bounds (domain.md §4.1).</summary>
internal static class MoneyValidation
{
    public static void RequireMoney(this RequestValidation validation, decimal? yuan, string field, bool required = true, bool positive = false)
    {
        if (yuan is null)
        {
            validation.Require(!required, field, $"'{field}' is required.");
            return;
        }

        if (yuan < 0 || (positive && yuan == 0))
        {
            validation.Add(field, $"'{field}' must be {(positive ? "above zero" : "zero or more")}, not {yuan}.");
        }
        else if (!Fen.HasAtMostTwoDecimals(yuan.Value))
        {
            validation.Add(field, $"'{field}' has at most two decimal places (fen); {yuan} is more precise.");
        }
        else if (yuan > Fen.MaxYuan)
        {
            validation.Add(field, $"'{field}' must be at most {Fen.MaxYuan} yuan.");
        }
    }

    /// <summary>Weights are not money: any precision, but not negative and not absurdly large.</summary>
    public static void RequireWeight(this RequestValidation validation, decimal? weight, string field, bool required)
    {
        if (weight is null)
        {
            validation.Require(!required, field, $"'{field}' is required.");
        }
        else if (weight < 0 || weight > 1_000_000_000_000m)
        {
            validation.Add(field, $"'{field}' must be between 0 and 10^12, not {weight}.");
        }
    }
}
