namespace Platform.ServiceDefaults.Observability;

/// <summary>
/// The correlation and causation ids of the work in flight, carried across async calls so that the
/// outbox can stamp them on the events a request or a consumed message causes (architecture.md §3).
/// </summary>
public static class CorrelationContext
{
    private static readonly AsyncLocal<Ids?> Ambient = new();

    public static string? CorrelationId => Ambient.Value?.CorrelationId;

    public static string? CausationId => Ambient.Value?.CausationId;

    /// <summary>Sets the ids until the returned scope is disposed.</summary>
    public static IDisposable Begin(string correlationId, string? causationId)
    {
        var previous = Ambient.Value;
        Ambient.Value = new Ids(correlationId, causationId);
        return new Scope(previous);
    }

    private sealed record Ids(string CorrelationId, string? CausationId);

    private sealed class Scope(Ids? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
