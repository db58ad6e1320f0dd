using System.Diagnostics;
using Npgsql;
using Platform.LocalPostgres;
using Xunit;

namespace Platform.Messaging.Tests.Startup;

/// <summary>
/// A throwaway PostgreSQL whose process died without disposing it (a test run killed mid-way) is stopped and removed by
/// the next one started; one whose process still runs is left alone.
/// </summary>
public sealed class AbandonedClusterSweepTests
{
    [Fact]
    public async Task StartingAThrowawayClusterStopsAndRemovesOnesWhoseProcessDiedAndKeepsTheOthers()
    {
        await using var abandoned = await LocalPostgresServer.StartAsync();
        await using var alive = await LocalPostgresServer.StartAsync();
        var abandonedRoot = Path.GetDirectoryName(abandoned.DataDirectory)!;
        await File.WriteAllTextAsync(Path.Combine(abandonedRoot, "owner.pid"), (await DeadProcessIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));

        await using var next = await LocalPostgresServer.StartAsync();

        Assert.False(Directory.Exists(abandonedRoot), "the abandoned cluster's folder is removed");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(abandoned));
        Assert.True(Directory.Exists(alive.DataDirectory), "a cluster whose process runs is kept");
        await OpenAsync(alive);
    }

    private static async Task OpenAsync(LocalPostgresServer server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString() + ";Pooling=false;Timeout=5");
        await connection.OpenAsync();
    }

    private static async Task<int> DeadProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
