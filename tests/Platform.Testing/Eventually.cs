namespace Platform.Testing;

/// <summary>Waits for an asynchronous outcome (an event crossing Kafka) instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last;
        do
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Timed out after {timeout ?? TimeSpan.FromSeconds(30)} waiting {because ?? "for the condition"}; last value: {last}");
    }

    public static Task Until(Func<Task<bool>> probe, TimeSpan? timeout = null, string? because = null) =>
        Until(probe, ok => ok, timeout, because);
}
