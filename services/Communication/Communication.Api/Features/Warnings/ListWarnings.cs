using System.Security.Claims;
using Communication.Api.Domain.Warnings;
using Marten;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Security;

namespace Communication.Api.Features.Warnings;

/// <summary>Warnings newest first, paged: a city's own and those that reach it; everything for the other roles.</summary>
public static class ListWarnings
{
    public static async Task<IResult> HandleAsync(ClaimsPrincipal user, IQuerySession session, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize);
        IQueryable<Warning> query = session.Query<Warning>();
        if (user.IsCity())
        {
            var city = user.CityId()!;
            query = query.Where(w => w.SenderCityId == city || w.ReachedCityIds.Contains(city));
        }

        var total = await query.CountAsync(cancellationToken);
        var warnings = await query.OrderByDescending(w => w.ReceivedAt).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return Results.Ok(new Page<WarningResponse>([.. warnings.Select(WarningResponse.From)], request.Number, request.Size, total));
    }
}
