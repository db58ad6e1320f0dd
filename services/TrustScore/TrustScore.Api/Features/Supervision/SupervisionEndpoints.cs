using Platform.Idempotency;
using Platform.ServiceDefaults.Security;

namespace TrustScore.Api.Features.Supervision;

public static class SupervisionEndpoints
{
    public static RouteGroupBuilder MapSupervisionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("Supervision");
        group.MapPost("/findings", RecordFinding.HandleAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .WithIdempotencyKey()
            .Produces<FindingResponse>(StatusCodes.Status201Created)
            .WithSummary("Records a vertical finding: concealment, false report, late report, non-cooperation, refusal to join joint action; with severity (coordinating body).");
        group.MapPost("/peer-reports", FilePeerReport.HandleAsync)
            .RequireAuthorization(TrustScorePolicies.City)
            .WithIdempotencyKey()
            .Produces<PeerReportResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Files a report on how another member kept a commitment; never about oneself, rate-limited (city).");
        group.MapGet("/cities/{cityId}/supervision", ReadSupervision.HandleAsync)
            .RequireAuthorization(TrustScorePolicies.EvidenceReader)
            .Produces<SupervisionRecordResponse>()
            .WithSummary("Findings, peer reports and appeals about a city; reporters named only to the coordinator and auditor (the city itself, coordinator, auditor).");
        group.MapPost("/appeals", Appeals.FileAsync)
            .RequireAuthorization(TrustScorePolicies.City)
            .WithIdempotencyKey()
            .Produces<AppealResponse>(StatusCodes.Status201Created)
            .WithSummary("Appeals a finding, peer report or commitment outcome about the calling city (city).");
        group.MapGet("/appeals/{appealId:guid}", Appeals.GetAsync)
            .RequireAuthorization(TrustScorePolicies.EvidenceReader)
            .Produces<AppealResponse>()
            .WithSummary("Reads an appeal (the appellant, coordinator, auditor).");
        group.MapPost("/appeals/{appealId:guid}/decision", Appeals.DecideAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .Produces<AppealResponse>()
            .WithSummary("Upholds (withdraws the evidence, restoring the score) or dismisses an appeal (coordinating body).");
        group.MapPost("/remedies", RecordRemedy.HandleAsync)
            .RequireAuthorization(PlatformPolicies.Coordinator)
            .WithSummary("Records a documented remedy of a finding or defaulted commitment; tier D lifts after the waiting period (coordinating body).");
        return api;
    }
}
