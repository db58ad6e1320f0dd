using Evaluation.Api.Domain.Criteria;
using Marten;

namespace Evaluation.Api.Features.Frameworks;

/// <summary>Finds framework versions: the stored ones, and version 1 of each built-in template.</summary>
public static class FrameworkCatalog
{
    /// <summary>The given version, or the latest when <paramref name="version"/> is null; null when there is none.</summary>
    public static async Task<CriteriaFramework?> FindAsync(IQuerySession session, string frameworkId, int? version, CancellationToken cancellationToken)
    {
        if (version is { } v)
        {
            return await session.LoadAsync<CriteriaFramework>(CriteriaFramework.KeyOf(frameworkId, v), cancellationToken)
                ?? (v == 1 ? CriteriaFramework.Template(frameworkId) : null);
        }

        var latest = await session.Query<CriteriaFramework>().Where(f => f.FrameworkId == frameworkId)
            .OrderByDescending(f => f.Version).FirstOrDefaultAsync(cancellationToken);
        return latest ?? CriteriaFramework.Template(frameworkId);
    }

    public static async Task<IReadOnlyList<CriteriaFramework>> LatestAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var stored = await session.Query<CriteriaFramework>().ToListAsync(cancellationToken);
        return stored.Concat([CriteriaFramework.Template(FrameworkTemplates.Activity)!, CriteriaFramework.Template(FrameworkTemplates.Participant)!])
            .GroupBy(f => f.FrameworkId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(f => f.Version)!)
            .OrderBy(f => f.FrameworkId, StringComparer.Ordinal)
            .ToList();
    }
}
