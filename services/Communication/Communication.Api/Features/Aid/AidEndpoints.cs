using System.Security.Claims;
using Communication.Api.Domain.Aid;
using Marten;
using Platform.Contracts;
using Platform.Contracts.Communication;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Communication.Api.Features.Aid;

/// <summary>
/// Mutual aid: a city requests, others offer, the requester accepts (<c>AidAccepted</c>, binding), the provider records dispatch
/// and return. Every member sees the requests (to offer); each step is the acting city's own.
/// </summary>
public static class AidEndpoints
{
    public static RouteGroupBuilder MapAidEndpoints(this RouteGroupBuilder api)
    {
        var aid = api.MapGroup("/aid-requests").WithTags("Mutual aid");
        aid.MapPost("/", RequestAsync).RequireAuthorization(CommunicationPolicies.City)
            .Produces<AidRequestResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("The calling city requests resources for an incident.");
        aid.MapGet("/", ListAsync).RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<Page<AidRequestResponse>>().WithSummary("Lists mutual-aid requests with their offers, newest first.");
        aid.MapGet("/{id:guid}", GetAsync).RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<AidRequestResponse>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Reads one mutual-aid request and its offers.");
        aid.MapPost("/{id:guid}/offers", OfferAsync).RequireAuthorization(CommunicationPolicies.City)
            .Produces<AidOfferResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The calling city offers resources for another city's request.");
        aid.MapPost("/{id:guid}/offers/{offerId:guid}/acceptance", AcceptAsync).RequireAuthorization(CommunicationPolicies.City)
            .Produces<AidOfferResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The requesting city accepts an offer: binding, and claimable by the provider in cost-sharing.");
        aid.MapPost("/{id:guid}/offers/{offerId:guid}/dispatch", (Guid id, Guid offerId, AidMovementRequest body, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
                MoveAsync(id, offerId, body, user, session, clock, (r, at) => r.Dispatch(offerId, at), ct))
            .RequireAuthorization(CommunicationPolicies.City)
            .Produces<AidOfferResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The provider records that the accepted aid left.").WithName("aid.recordDispatch");
        aid.MapPost("/{id:guid}/offers/{offerId:guid}/return", (Guid id, Guid offerId, AidMovementRequest body, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
                MoveAsync(id, offerId, body, user, session, clock, (r, at) => r.Return(offerId, at), ct))
            .RequireAuthorization(CommunicationPolicies.City)
            .Produces<AidOfferResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The provider records that the aid came back.").WithName("aid.recordReturn");
        return aid;
    }

    private static async Task<IResult> RequestAsync(AidRequestRequest body, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var validation = new RequestValidation().Require(body.IncidentId is not null, "incidentId", "'incidentId' is the incident the aid is for.").Lines(body.Items);
        validation.Require(body.Note is null || body.Note.Length <= 2000, "note", "'note' is at most 2000 characters.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = clock.GetUtcNow();
        var request = AidRequest.Open(Guid.CreateVersion7(now), body.IncidentId!.Value, user.CityId()!, AidValidation.ToLines(body.Items!), body.Note, now);
        session.Insert(request);
        await session.SaveChangesAsync(ct);
        return Results.Created($"{CommunicationModule.RoutePrefix}/aid-requests/{request.Id}", AidRequestResponse.From(request));
    }

    private static async Task<IResult> ListAsync(IQuerySession session, int? page, int? pageSize, CancellationToken ct)
    {
        var requests = await session.Query<AidRequest>()
            .ToPageAsync(q => q.OrderByDescending(r => r.RequestedAt), PageRequest.From(page, pageSize), AidRequestResponse.From, ct);
        return Results.Ok(requests);
    }

    private static async Task<IResult> GetAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<AidRequest>(id, ct) is { } request
            ? Results.Ok(AidRequestResponse.From(request))
            : Problems.NotFound($"No aid request {id}.");

    private static async Task<IResult> OfferAsync(Guid id, AidOfferRequest body, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var validation = new RequestValidation().Lines(body.Items)
            .Require(body.EstimatedCost is >= 0 && decimal.Round(body.EstimatedCost.Value, 2) == body.EstimatedCost, "estimatedCost", "'estimatedCost' is a non-negative amount in yuan with at most two decimals.")
            .Require(body.Currency is null or Currencies.Cny, "currency", $"Aid is costed in {Currencies.Cny}.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (await session.LoadAsync<AidRequest>(id, ct) is not { } request)
        {
            return Problems.NotFound($"No aid request {id}.");
        }

        var now = clock.GetUtcNow();
        var offer = request.Offer(Guid.CreateVersion7(now), user.CityId()!, AidValidation.ToLines(body.Items!), body.EstimatedCost!.Value, Currencies.Cny, now);
        session.Store(request);
        await session.SaveChangesAsync(ct);
        return Results.Created($"{CommunicationModule.RoutePrefix}/aid-requests/{id}", AidOfferResponse.From(offer));
    }

    private static async Task<IResult> AcceptAsync(Guid id, Guid offerId, ClaimsPrincipal user, IDocumentSession session, EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<AidRequest>(id, ct) is not { } request || request.RequesterCityId != user.CityId())
        {
            return Problems.NotFound($"No aid request {id} of yours.");
        }

        var now = clock.GetUtcNow();
        var offer = request.Accept(offerId, Guid.CreateVersion7(now), now);
        session.Store(request);
        outbox.Enqueue(session, offer.AidId!.Value.ToString(), new AidAccepted(
            offer.AidId.Value, request.Id, offer.Id, request.IncidentId, request.RequesterCityId, offer.ProviderCityId,
            [.. offer.Items.Select(i => new AidItem(i.Kind, i.Resource, i.Quantity, i.Unit))], offer.Currency, offer.EstimatedCost, now));
        await session.SaveChangesAsync(ct);
        return Results.Ok(AidOfferResponse.From(offer));
    }

    private static async Task<IResult> MoveAsync(
        Guid id, Guid offerId, AidMovementRequest body, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, Func<AidRequest, DateTimeOffset, AidOffer> move, CancellationToken ct)
    {
        var request = await session.LoadAsync<AidRequest>(id, ct);
        if (request?.Offers.SingleOrDefault(o => o.Id == offerId) is not { } offer || offer.ProviderCityId != user.CityId())
        {
            return Problems.NotFound($"No offer {offerId} of yours on aid request {id}.");
        }

        var now = clock.GetUtcNow();
        if (body.At is { } at && at > now)
        {
            return new RequestValidation().Require(false, "at", "'at' is not in the future.").ToProblem();
        }

        var moved = move(request, body.At ?? now);
        session.Store(request);
        await session.SaveChangesAsync(ct);
        return Results.Ok(AidOfferResponse.From(moved));
    }
}
