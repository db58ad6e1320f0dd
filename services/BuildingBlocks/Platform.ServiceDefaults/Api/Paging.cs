namespace Platform.ServiceDefaults.Api;

/// <summary>One page of a list (architecture.md §5: lists are paged).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total);

/// <summary>Paging query parameters with safe bounds: page ≥ 1, 1 ≤ size ≤ 200 (default 50).</summary>
public readonly record struct PageRequest(int Number, int Size)
{
    public const int MaxSize = 200;

    public int Skip => (Number - 1) * Size;

    public static PageRequest From(int? page, int? pageSize) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 50, 1, MaxSize));
}
