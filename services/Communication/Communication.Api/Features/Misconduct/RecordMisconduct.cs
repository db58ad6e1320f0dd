using System.Security.Claims;
using Communication.Api.Domain.Warnings;
using Communication.Api.Features.Warnings;
using Marten;
using Platform.Contracts.Communication;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Errors;

namespace Communication.Api.Features.Misconduct;

/// <summary>
/// The coordinating body finds that a city concealed a warning or issued it late (docs/domain.md §3.1: accountability for late
/// reporting and concealment); <c>WarningMisconductFound</c> makes trust-score record it as a vertical finding.
/// </summary>
public static class RecordMisconduct
{
    public static readonly IReadOnlyList<string> Kinds = ["concealed", "late"];
    public static readonly IReadOnlyList<string> Severities = ["minor", "major", "severe"];

    public static RouteGroupBuilder MapMisconductEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/misconduct-findings", HandleAsync)
            .WithTags("Misconduct")
            .RequireAuthorization(Platform.ServiceDefaults.Security.PlatformPolicies.Coordinator)
            .Produces<MisconductFinding>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Records that a city concealed a warning or issued it late (coordinating body).");
        return api;
    }

    public static async Task<IResult> HandleAsync(
        MisconductRequest request, ClaimsPrincipal user, IDocumentSession session, EventOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        validation.Require(request.CityId is not null && WarningRequest.CityIdPattern().IsMatch(request.CityId), "cityId", "'cityId' is the city found at fault.");
        validation.Require(request.Kind is not null && Kinds.Contains(request.Kind), "kind", "'kind' is concealed or late.");
        validation.Require(request.Severity is not null && Severities.Contains(request.Severity), "severity", "'severity' is minor, major or severe.");
        validation.RequireText(request.Description, "description", 4000);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (request.WarningId is { } warningId && await session.LoadAsync<Warning>(warningId, cancellationToken) is null)
        {
            return Problems.Unprocessable("Unknown warning", $"No warning {warningId}.");
        }

        var now = clock.GetUtcNow();
        var finding = new MisconductFinding(Guid.CreateVersion7(now), request.WarningId, request.CityId!, request.Kind!, request.Severity!, request.Description!.Trim(), now);
        session.Insert(finding);
        outbox.Enqueue(session, finding.CityId, new WarningMisconductFound(
            finding.Id, finding.WarningId, finding.CityId, finding.Kind, finding.Severity, finding.Description, now));
        await session.SaveChangesAsync(cancellationToken);
        return Results.Created($"{CommunicationModule.RoutePrefix}/misconduct-findings/{finding.Id}", finding);
    }
}

public sealed record MisconductRequest(Guid? WarningId, string? CityId, string? Kind, string? Severity, string? Description);

/// <summary>A finding as recorded; immutable.</summary>
public sealed record MisconductFinding(Guid Id, Guid? WarningId, string CityId, string Kind, string Severity, string Description, DateTimeOffset FoundAt);
