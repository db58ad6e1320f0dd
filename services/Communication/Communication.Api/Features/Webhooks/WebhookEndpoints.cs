using System.Security.Claims;
using System.Security.Cryptography;
using Communication.Api.Domain.Webhooks;
using Marten;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Communication.Api.Features.Webhooks;

/// <summary>A city registers endpoints to receive its warnings, signed with a secret shown once at registration.</summary>
public static class WebhookEndpoints
{
    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapPost("/", RegisterAsync).RequireAuthorization(CommunicationPolicies.City)
            .Produces<WebhookRegistered>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Registers an endpoint for the calling city's warnings; the answer carries the signing secret, once.");
        webhooks.MapGet("/", ListAsync).RequireAuthorization(PlatformPolicies.AnyRole)
            .Produces<List<WebhookResponse>>().WithSummary("Lists webhooks without their secrets: a city its own, the other roles all.");
        webhooks.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(CommunicationPolicies.City)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Removes one of the calling city's webhooks.");
        return webhooks;
    }

    private static async Task<IResult> RegisterAsync(WebhookRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var validation = new RequestValidation().Require(
            Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && request.Url!.Length <= 500,
            "url", "'url' is an absolute http or https address of at most 500 characters.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = clock.GetUtcNow();
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now), CityId = user.CityId()!, Url = request.Url!, Secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), CreatedAt = now,
        };
        session.Insert(subscription);
        await session.SaveChangesAsync(ct);
        return Results.Created(
            $"{CommunicationModule.RoutePrefix}/webhooks/{subscription.Id}",
            new WebhookRegistered(subscription.Id, subscription.Url, subscription.Secret, subscription.CreatedAt));
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        IQueryable<WebhookSubscription> query = session.Query<WebhookSubscription>();
        if (user.IsCity())
        {
            var city = user.CityId();
            query = query.Where(s => s.CityId == city);
        }

        var listed = await query.OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return Results.Ok(listed.Select(s => new WebhookResponse(s.Id, s.CityId, s.Url, s.CreatedAt)).ToList());
    }

    private static async Task<IResult> DeleteAsync(Guid id, ClaimsPrincipal user, IDocumentSession session, CancellationToken ct)
    {
        if (await session.LoadAsync<WebhookSubscription>(id, ct) is not { } subscription || subscription.CityId != user.CityId())
        {
            return Problems.NotFound($"No webhook {id}.");
        }

        session.Delete(subscription);
        await session.SaveChangesAsync(ct);
        return Results.NoContent();
    }
}

public sealed record WebhookRequest(string? Url);

public sealed record WebhookRegistered(Guid Id, string Url, string Secret, DateTimeOffset CreatedAt);

public sealed record WebhookResponse(Guid Id, string CityId, string Url, DateTimeOffset CreatedAt);
