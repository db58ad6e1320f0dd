namespace Communication.Api.Features.Feed;

public static class FeedEndpoints
{
    public static RouteGroupBuilder MapFeedEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/feed", StreamFeed.HandleAsync)
            .Produces<string>(StatusCodes.Status200OK, StreamFeed.EventStream)
            .ProducesValidationProblem()
            .WithSummary("The calling city's live feed of warnings that reach it (Server-Sent Events; resumes after Last-Event-ID).")
            .WithTags("Feed")
            .RequireAuthorization(CommunicationPolicies.City)
            .DisableRequestTimeout();
        return api;
    }
}
