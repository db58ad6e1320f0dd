namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// A broken domain rule or conflict that a handler reports by throwing, when returning a result is not
/// practical (e.g. deep in a transaction). Mapped to a problem response with the given status.
/// </summary>
public class DomainRuleException(int statusCode, string title, string detail) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;
}
