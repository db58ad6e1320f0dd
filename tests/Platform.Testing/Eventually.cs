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

        throw new TimeoutException($"Timed out after {timeout ?? TimeSpan.FromSeconds(30)} waiting {because ?? "for the condition"}; last value: {Describe(last)}");
    }

    /// <summary>
    /// The last value as a failure should show it: a collection by its items (a list's own <c>ToString</c> is only its
    /// type's name), at most <see cref="ShownItems"/> of them; anything else by its <c>ToString</c>.
    /// </summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string text => text,
        System.Collections.IEnumerable items => DescribeItems(items),
        _ => value.ToString() ?? value.GetType().Name,
    };

    private static string DescribeItems(System.Collections.IEnumerable items)
    {
        var shown = new List<string>();
        var count = 0;
        foreach (var item in items)
        {
            if (count++ < ShownItems)
            {
                shown.Add(Describe(item));
            }
        }

        return $"[{string.Join(", ", shown)}{(count > ShownItems ? ", …" : "")}] ({count} item{(count == 1 ? "" : "s")})";
    }

    private const int ShownItems = 20;

    public static Task Until(Func<Task<bool>> probe, TimeSpan? timeout = null, string? because = null) =>
        Until(probe, ok => ok, timeout, because);
}
