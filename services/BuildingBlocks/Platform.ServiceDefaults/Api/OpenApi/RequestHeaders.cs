using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Api.OpenApi;

/// <summary>
/// Endpoint metadata saying the endpoint reads a request header that changes what it does (idempotency, optimistic
/// concurrency). The mechanism that reads the header attaches it, so the OpenAPI document declares the header exactly
/// where the code honours it (see <see cref="OperationConventions"/>).
/// </summary>
public interface IRequestHeaderMetadata
{
    string HeaderName { get; }

    string Description { get; }

    /// <summary>The problem statuses the header itself can cause (e.g. 409 for a stale <c>If-Match</c>).</summary>
    IReadOnlyList<int> Statuses { get; }
}

/// <summary><c>If-Match</c> with the version (ETag) the client last read; a stale one is refused with 409 (RFC 9110 §13.1.1).</summary>
public sealed class IfMatchMetadata : IRequestHeaderMetadata
{
    public string HeaderName => "If-Match";

    public string Description =>
        "The ETag of the version you read (e.g. \"3\"). A stale one is refused with 409 so two editors never overwrite each other silently; "
        + "without it the change applies to the current version.";

    public IReadOnlyList<int> Statuses { get; } = [StatusCodes.Status409Conflict];
}

public static class RequestHeaderEndpointExtensions
{
    /// <summary>Declares that the endpoint honours <c>If-Match</c> (optimistic concurrency, architecture.md §4).</summary>
    public static RouteHandlerBuilder AcceptsIfMatch(this RouteHandlerBuilder endpoint) => endpoint.WithMetadata(new IfMatchMetadata());
}
