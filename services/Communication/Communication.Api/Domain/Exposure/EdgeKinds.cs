using Communication.Api.Domain.Warnings;

namespace Communication.Api.Domain.Exposure;

/// <summary>The ways a risk crosses a boundary in the graph (downstream along a river, downwind, shared corridors).</summary>
public static class EdgeKinds
{
    public const string RiverDownstream = "river-downstream";
    public const string Downwind = "downwind";
    public const string Corridor = "corridor";

    public static readonly IReadOnlyList<string> All = [RiverDownstream, Downwind, Corridor];

    /// <summary>
    /// A flood or a spill travels on down the river and a plume on down the wind, so those kinds are followed transitively;
    /// a corridor links two cities directly (travellers, freight), so it reaches the neighbour only, in either direction.
    /// </summary>
    public static bool IsTransitive(string kind) => kind is RiverDownstream or Downwind;

    public static bool IsSymmetric(string kind) => kind == Corridor;

    /// <summary>What each kind carries unless an edge says otherwise: water and air carry hazards and contamination, corridors carry people.</summary>
    public static IReadOnlyList<string> DefaultCategories(string kind) => kind switch
    {
        RiverDownstream or Downwind => [WarningCategories.NaturalDisaster, WarningCategories.AccidentDisaster, WarningCategories.PublicHealth],
        Corridor => [WarningCategories.PublicHealth, WarningCategories.SocialSecurity, WarningCategories.AccidentDisaster],
        _ => [],
    };
}
