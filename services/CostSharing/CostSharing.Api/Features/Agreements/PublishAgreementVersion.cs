using CostSharing.Api.Domain.Agreements;
using CostSharing.Api.Features.Shared;
using Marten;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Features.Agreements;

/// <summary>
/// The coordinating body publishes new terms as the next version, which becomes the one active version.
/// Incidents already open keep the version they opened under.
/// </summary>
public static class PublishAgreementVersion
{
    public static async Task<IResult> HandleAsync(
        string agreementId, AgreementRequest request, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = request.Validate(creating: false);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var agreement = await session.LoadAsync<Agreement>(agreementId, cancellationToken);
        if (agreement is null)
        {
            return Problems.NotFound($"No agreement '{agreementId}'.");
        }

        var terms = request.ToTerms();
        if (await AgreementMembers.RequireRegisteredAsync(session, terms.Members, cancellationToken) is { } problem)
        {
            return problem;
        }

        var version = agreement.Publish(terms, clock.GetUtcNow());
        session.Store(agreement);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Created(
            $"{CostSharingModule.RoutePrefix}/agreements/{agreement.Id}/versions/{version.Number}",
            AgreementVersionResponse.From(agreement, version));
    }
}
