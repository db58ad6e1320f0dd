using Marten;
using Platform.ServiceDefaults.Errors;

namespace Evaluation.Api.Features.Frameworks;

public static class ReadFrameworks
{
    public static async Task<IResult> ListAsync(IQuerySession session, CancellationToken cancellationToken) =>
        Results.Ok((await FrameworkCatalog.LatestAsync(session, cancellationToken)).Select(FrameworkResponse.From).ToList());

    public static async Task<IResult> GetAsync(string frameworkId, int? version, IQuerySession session, CancellationToken cancellationToken) =>
        await FrameworkCatalog.FindAsync(session, frameworkId, version, cancellationToken) is { } framework
            ? Results.Ok(FrameworkResponse.From(framework))
            : Problems.NotFound($"No criteria framework '{frameworkId}'{(version is null ? string.Empty : $" version {version}")}.");
}
