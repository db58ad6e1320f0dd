using CostSharing.Api.Domain.Agreements;
using Marten;
using Platform.Contracts;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Features.Agreements;

/// <summary>The coordinating body records a new agreement; its first version becomes active at once.</summary>
public static class CreateAgreement
{
    public static async Task<IResult> HandleAsync(AgreementRequest request, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = request.Validate(creating: true);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (await session.LoadAsync<Agreement>(request.Id!, cancellationToken) is not null)
        {
            return Problems.Conflict("Agreement exists", $"Agreement '{request.Id}' exists; publish a new version of it instead.");
        }

        var terms = request.ToTerms();
        if (await AgreementMembers.RequireRegisteredAsync(session, terms.Members, cancellationToken) is { } problem)
        {
            return problem;
        }

        var agreement = Agreement.Create(request.Id!, request.Name!.Trim(), request.Currency ?? Currencies.Cny, terms, clock.GetUtcNow());
        session.Insert(agreement);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Created($"{CostSharingModule.RoutePrefix}/agreements/{agreement.Id}", AgreementResponse.From(agreement));
    }
}
