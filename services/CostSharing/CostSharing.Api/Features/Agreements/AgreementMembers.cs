using CostSharing.Api.Domain.Members;
using CostSharing.Api.Features.Shared;
using Marten;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Features.Agreements;

internal static class AgreementMembers
{
    /// <summary>Every member of an agreement must be a registered member city; the unknown ones are named.</summary>
    public static async Task<IResult?> RequireRegisteredAsync(IQuerySession session, IReadOnlyList<string> members, CancellationToken cancellationToken)
    {
        var known = await session.LoadManyAsync<MemberCity>(cancellationToken, members);
        var unknown = members.Except(known.Select(m => m.CityId), StringComparer.Ordinal).ToList();
        return unknown.Count == 0
            ? null
            : Problems.Unprocessable("Unknown member cities", $"Not registered as member cities: {string.Join(", ", unknown)}. Register them first.");
    }
}
