using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Infrastructure.Http;
using Platform.Idempotency;

namespace CompensationFund.Api.Features.Entries;

public static class EntryEndpoints
{
    public static string Location(Guid entryId) => $"{CompensationFundModule.RoutePrefix}/entries/{entryId}";

    public static RouteGroupBuilder MapEntryEndpoints(this RouteGroupBuilder api)
    {
        var entries = api.MapGroup("/entries").WithTags("Journal entries");
        entries.MapPost("/", PostEntry.HandleAsync)
            .RequireAuthorization(FundPolicies.Finance)
            .MovesMoney(IdempotencyGuard.RecordFirst)
            .Produces<EntryResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Posts a balanced journal entry (finance).");
        entries.MapPost("/batch", PostBatch.HandleAsync)
            .RequireAuthorization(FundPolicies.Finance)
            .MovesMoney()
            .Produces<BatchResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Posts many entries all or nothing (finance).");
        entries.MapGet("/{entryId:guid}", GetEntry.HandleAsync)
            .RequireAuthorization(FundPolicies.LedgerReader)
            .Produces<EntryResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reads one entry with its status and history (coordinator, finance, auditor).");
        entries.MapPost("/{entryId:guid}/reversal", ReverseEntry.HandleAsync)
            .RequireAuthorization(FundPolicies.Finance)
            .MovesMoney()
            .Produces<EntryResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Reverses a posted entry in full (finance).");
        return entries;
    }
}
