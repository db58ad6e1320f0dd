namespace Platform.AppHost.Infrastructure;

internal static class RepositoryRoot
{
    /// <summary>The nearest folder above <paramref name="start"/> that holds <c>global.json</c>.</summary>
    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "global.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (a folder with global.json) above {start}.");
    }
}
