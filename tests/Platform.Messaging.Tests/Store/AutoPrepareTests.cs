using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Persistence;
using Xunit;

namespace Platform.Messaging.Tests.Store;

/// <summary>
/// The store's connections prepare what they run repeatedly (docs/messaging.md "Throughput"), unless the operator's
/// connection string says otherwise. Building the data source needs no database.
/// </summary>
public sealed class AutoPrepareTests
{
    [Fact]
    public void TheServicesConnectionsPrepareStatementsAfterTheirThirdUse()
    {
        var settings = Settings("Host=127.0.0.1;Database=probe");

        Assert.Equal((64, 3), (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages));
    }

    [Fact]
    public void AnOperatorsOwnAutoPrepareSettingWins()
    {
        var settings = Settings("Host=127.0.0.1;Database=probe;Max Auto Prepare=0");

        Assert.Equal(0, settings.MaxAutoPrepare);
    }

    private static NpgsqlConnectionStringBuilder Settings(string connectionString)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:postgres"] = connectionString;
        builder.AddPlatformStore("probe");
        using var app = builder.Build();
        return new NpgsqlConnectionStringBuilder(app.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
    }
}
