using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Persistence;

public static class MigrateCommand
{
    /// <summary>
    /// Runs the service, or with <c>--migrate</c> only applies its schema and exits: the cluster's migration
    /// job (a Helm hook) runs the same image that way before the new version starts.
    /// </summary>
    public static async Task RunOrMigrateAsync(this WebApplication app, string[] args)
    {
        if (args.Contains("--migrate", StringComparer.Ordinal))
        {
            await app.Services.GetRequiredService<StoreInitializer>().ApplyAsync(CancellationToken.None);
            return;
        }

        await app.RunAsync();
    }
}
