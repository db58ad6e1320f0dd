using Microsoft.Extensions.DependencyInjection;
using Platform.Gateway.Identity.People;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Identity;

/// <summary>The gateway on a real loopback port, its people in the real PostgreSQL, every route pointing at an echo service.</summary>
public sealed class PeopleGateway : IAsyncLifetime
{
    public const string Password = "Correct-Horse-9";

    public EchoServer Service { get; private set; } = null!;

    public GatewayFactory Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Service = await EchoServer.StartAsync();
        Gateway = new GatewayFactory { Overrides = GatewayFactory.AllClustersAt(Service.Address) }.StartOnKestrel();
    }

    /// <summary>A person of their own for one test (the database is shared by the run), with <see cref="Password"/>.</summary>
    public async Task<string> NewPersonAsync(string role = "coordinator", string? cityId = null, string? evaluatorId = null)
    {
        var username = $"{role}.{Guid.NewGuid():N}"[..24];
        var added = await Gateway.Services.GetRequiredService<PersonDirectory>()
            .AddAsync(username, "Test " + username, Password, role, cityId, evaluatorId, CancellationToken.None);
        Assert.True(added);
        return username;
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Service.DisposeAsync();
    }
}
