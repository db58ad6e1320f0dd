using System.Security.Claims;
using Communication.Api.Domain.Acknowledgements;
using Marten;
using Platform.ServiceDefaults.Errors;

namespace Communication.Api.Features.Warnings;

/// <summary>Each reached city's acknowledgement duty for one warning: open, on time, late, missed or withdrawn.</summary>
public static class ListAcknowledgements
{
    public static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await WarningAccess.VisibleAsync(session, id, user, cancellationToken) is null)
        {
            return Problems.NotFound($"No warning {id}.");
        }

        var duties = await session.Query<AcknowledgementDuty>().Where(d => d.WarningId == id).OrderBy(d => d.CityId).ToListAsync(cancellationToken);
        return Results.Ok(duties.Select(AcknowledgementResponse.From).ToList());
    }
}
