using System.Security.Claims;
using Communication.Api.Domain.Warnings;
using Marten;
using Platform.ServiceDefaults.Security;

namespace Communication.Api.Features.Warnings;

/// <summary>
/// A city sees the warnings it issued and those that reach it (Access); the coordinating body, evaluators, finance
/// and auditors read all. A warning a city may not see is reported as not found.
/// </summary>
public static class WarningAccess
{
    public static async Task<Warning?> VisibleAsync(IQuerySession session, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var warning = await session.LoadAsync<Warning>(id, cancellationToken);
        return warning is not null && MaySee(user, warning) ? warning : null;
    }

    public static bool MaySee(ClaimsPrincipal user, Warning warning) =>
        !user.IsCity() || warning.SenderCityId == user.CityId() || warning.ReachedCityIds.Contains(user.CityId()!);
}
