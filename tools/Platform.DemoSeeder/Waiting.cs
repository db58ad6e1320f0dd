namespace Platform.DemoSeeder;

/// <summary>
/// Waits for what another service learns from an event (a member's accounts, a settlement, compensation proposals): the
/// platform is eventually consistent between services (docs/architecture.md §3), so the story waits rather than races.
/// </summary>
internal static class Waiting
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, CancellationToken cancellationToken)
        where T : struct
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new GatewayRefusedException($"Gave up waiting {Timeout.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    public static Task UntilAsync(Func<Task<bool>> probe, string what, CancellationToken cancellationToken) =>
        UntilAsync<bool>(async () => await probe() ? true : null, what, cancellationToken);

    /// <summary>Waits until <paramref name="probe"/> lists something, and answers the list.</summary>
    public static async Task<IReadOnlyList<T>> UntilAnyAsync<T>(Func<Task<IReadOnlyList<T>>> probe, string what, CancellationToken cancellationToken)
    {
        IReadOnlyList<T> found = [];
        await UntilAsync(async () => (found = await probe()).Count > 0, what, cancellationToken);
        return found;
    }
}
