using System.Security.Claims;
using Marten;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;

namespace TrustScore.Api.Features.Commitments;

/// <summary>A city's commitments are evidence: for the city itself, the coordinating body and the auditor.</summary>
public static class ReadCommitments
{
    public static async Task<IResult> ListForCityAsync(
        string cityId, string? status, int? page, int? pageSize, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        if (!user.MayReadCity(cityId) || await session.LoadAsync<TrustRecord>(cityId, cancellationToken) is null)
        {
            return Problems.NotFound($"No trust record for city '{cityId}'.");
        }

        var request = PageRequest.From(page, pageSize);
        var query = session.Query<Commitment>().Where(c => c.Debtor == cityId);
        if (status is not null)
        {
            if (!Enum.TryParse<CommitmentStatus>(status.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var wanted))
            {
                var validation = new RequestValidation();
                validation.Add("status", "'status' is one of open, fulfilled-on-time, fulfilled-late, defaulted, waived.");
                return validation.ToProblem();
            }

            query = query.Where(c => c.Status == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(c => c.DueAt).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return Results.Ok(new Page<CommitmentResponse>([.. items.Select(CommitmentResponse.From)], request.Number, request.Size, total));
    }

    public static async Task<IResult> GetAsync(string commitmentId, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var commitment = await session.LoadAsync<Commitment>(commitmentId, cancellationToken);
        return commitment is null || !user.MayReadCity(commitment.Debtor)
            ? Problems.NotFound($"No commitment '{commitmentId}'.")
            : Results.Ok(CommitmentResponse.From(commitment));
    }
}
