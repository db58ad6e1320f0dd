using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Features.Entries;
using CompensationFund.Api.Infrastructure.Http;

namespace CompensationFund.Api.Features.Reservations;

public static class ReservationEndpoints
{
    public static RouteGroupBuilder MapReservationEndpoints(this RouteGroupBuilder api)
    {
        var reservations = api.MapGroup("/reservations").WithTags("Two-phase entries");
        reservations.MapPost("/", Reserve.HandleAsync)
            .RequireAuthorization(FundPolicies.Finance)
            .MovesMoney()
            .Produces<EntryResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Reserves an entry: its money is held until posted, voided or expired (finance).");
        reservations.MapPost("/{entryId:guid}/post", DecideReservation.PostAsync)
            .RequireAuthorization(FundPolicies.Finance)
            .MovesMoney()
            .Produces<EntryResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Posts a reservation in full, or a two-line one in part (finance).");
        reservations.MapPost("/{entryId:guid}/void", DecideReservation.VoidAsync)
            .RequireAuthorization(FundPolicies.Finance)
            .MovesMoney()
            .Produces<EntryResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Voids a reservation, releasing its money (finance).");
        return reservations;
    }
}
