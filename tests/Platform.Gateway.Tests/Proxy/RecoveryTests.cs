using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests.Proxy;

/// <summary>
/// A service that was down and comes back is routed to again within 15 s, even when nothing probes it actively (no
/// management address): the passive health policy's failure window is no longer than its reactivation period, so
/// the failures that took the service out do not take it out again on its first answer.
/// </summary>
public sealed class RecoveryTests
{
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task RoutesToARecoveredServiceWithin15Seconds()
    {
        var address = EchoServer.ClosedAddress();
        using var gateway = new GatewayFactory { Overrides = GatewayFactory.AllClustersAt(address) };
        var http = gateway.CreateClient();
        var token = Bearer.Token("coordinator");

        // Enough transport failures for the passive policy to take the destination out (503: no destination left).
        var refused = HttpStatusCode.BadGateway;
        for (var i = 0; i < 40 && refused != HttpStatusCode.ServiceUnavailable; i++)
        {
            using var response = await http.SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores", token));
            refused = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused);

        await using var service = await StubServer.StartAsync(c => c.Response.WriteAsync("ok"), address);
        var back = Stopwatch.StartNew();
        var status = refused;
        while (status != HttpStatusCode.OK && back.Elapsed < RecoveryBound + TimeSpan.FromSeconds(5))
        {
            await Task.Delay(250);
            using var response = await http.SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores", token));
            status = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(back.Elapsed <= RecoveryBound, $"routed again after {back.Elapsed.TotalSeconds:0.0} s");

        // And it stays routed: the old failures do not count against it any more.
        for (var i = 0; i < 10; i++)
        {
            using var response = await http.SendAsync(Bearer.Request(HttpMethod.Get, "/api/trust/scores", token));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
