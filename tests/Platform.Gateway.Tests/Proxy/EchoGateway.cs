using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Proxy;

/// <summary>A gateway whose every cluster points at an <see cref="EchoServer"/>.</summary>
public sealed class EchoGateway : IAsyncLifetime
{
    private EchoServer? echo;

    public GatewayFactory Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        echo = await EchoServer.StartAsync();
        Gateway = new GatewayFactory { Overrides = GatewayFactory.AllClustersAt(echo.Address) };
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        if (echo is not null)
        {
            await echo.DisposeAsync();
        }
    }
}
