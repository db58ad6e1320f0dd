namespace Communication.Api.Domain.Exposure;

/// <summary>
/// The alliance's exposure graph, kept by the coordinating body: which cities a risk of a category reaches from a city
/// (docs/domain.md §1's three scenarios). Each change is a new version; warnings record the version they were reached by.
/// </summary>
public sealed class ExposureGraph
{
    /// <summary>The document id of the graph in force; earlier versions are kept as <see cref="ExposureGraphVersion"/>.</summary>
    public const string CurrentId = "current";

    public string Id { get; set; } = CurrentId;

    public int Version { get; set; }

    public List<ExposureEdge> Edges { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public static ExposureGraph Empty => new();

    public ExposureGraphVersion Replace(IReadOnlyList<ExposureEdge> edges, DateTimeOffset now, string by)
    {
        Version++;
        Edges = [.. edges];
        UpdatedAt = now;
        UpdatedBy = by;
        return new ExposureGraphVersion { Id = Version, Edges = [.. edges], UpdatedAt = now, UpdatedBy = by };
    }

    /// <summary>The cities a risk of <paramref name="category"/> starting in <paramref name="origin"/> reaches, without the origin.</summary>
    public IReadOnlySet<string> Reach(string origin, string category) => ExposureReach.From(Edges, origin, category);
}

/// <summary>One version of the graph as it was published.</summary>
public sealed class ExposureGraphVersion
{
    public int Id { get; set; }

    public List<ExposureEdge> Edges { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;
}

/// <summary>
/// A directed link along which a risk travels from <paramref name="FromCityId"/> to <paramref name="ToCityId"/>: downstream along a
/// river, downwind, or along a shared transport corridor (which runs both ways). <paramref name="Categories"/> are the risk
/// categories it carries; empty means the kind's defaults (<see cref="EdgeKinds.DefaultCategories"/>).
/// </summary>
public sealed record ExposureEdge(string FromCityId, string ToCityId, string Kind, IReadOnlyList<string> Categories)
{
    public IReadOnlyList<string> EffectiveCategories => Categories.Count > 0 ? Categories : EdgeKinds.DefaultCategories(Kind);

    public bool Carries(string category) => EffectiveCategories.Contains(category, StringComparer.Ordinal);
}
