using CostSharing.Api.Domain.Agreements;
using CostSharing.Api.Features.Shared;
using Marten;
using Platform.Persistence;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Features.Agreements;

/// <summary>Agreements are the alliance's common rules: every role may read them, with every past version.</summary>
public static class ReadAgreements
{
    public static async Task<IResult> ListAsync(IQuerySession session, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var agreements = await session.Query<Agreement>()
            .ToPageAsync(q => q.OrderBy(a => a.Id), PageRequest.From(page, pageSize), AgreementResponse.From, cancellationToken);
        return Results.Ok(agreements);
    }

    public static async Task<IResult> GetAsync(string agreementId, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<Agreement>(agreementId, cancellationToken) is { } agreement
            ? Results.Ok(AgreementResponse.From(agreement))
            : Problems.NotFound($"No agreement '{agreementId}'.");

    public static async Task<IResult> GetVersionAsync(string agreementId, int version, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<Agreement>(agreementId, cancellationToken) is { } agreement && agreement.Version(version) is { } found
            ? Results.Ok(AgreementVersionResponse.From(agreement, found))
            : Problems.NotFound($"No version {version} of agreement '{agreementId}'.");
}
