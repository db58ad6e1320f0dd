using Microsoft.AspNetCore.Builder;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Security;
using Platform.Persistence;
using Platform.Testing;
using Xunit;

namespace Platform.Messaging.Tests.Startup;

/// <summary>
/// A setting a service cannot work without stops it while it is built, naming the setting, instead of a process that
/// reports ready and answers 500 to every request.
/// </summary>
public sealed class FailFastSettingsTests
{
    [Fact]
    public void ATruncatedSigningKeyStopsTheStartNamingTheSetting()
    {
        var pem = TestTokens.ServiceSettings().Single(s => s.Key.StartsWith("Auth:SigningKeys", StringComparison.Ordinal)).Value!;
        var builder = Builder(("Auth:SigningKeys:0", pem[..(pem.Length / 2)]));

        var refused = Assert.Throws<InvalidSettingException>(() => builder.AddPlatformAuthentication());

        Assert.Equal("Auth:SigningKeys:0", refused.Key);
        Assert.Contains("Auth__SigningKeys__0", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWholeSigningKeyIsAccepted()
    {
        var builder = Builder([.. TestTokens.ServiceSettings().Select(s => (s.Key, s.Value))]);

        builder.AddPlatformAuthentication();
    }

    [Fact]
    public void AMissingConnectionStringStopsTheStartNamingTheSetting()
    {
        var builder = Builder(("Kafka:BootstrapServers", "127.0.0.1:9092"));

        var refused = Assert.Throws<InvalidSettingException>(() => builder.AddPlatformStore("probe"));

        Assert.Equal("ConnectionStrings:postgres", refused.Key);
    }

    [Fact]
    public void AnUnreadableConnectionStringStopsTheStartNamingTheSetting()
    {
        var builder = Builder(("ConnectionStrings:postgres", "Host=127.0.0.1;Colour=blue"));

        var refused = Assert.Throws<InvalidSettingException>(() => builder.AddPlatformStore("probe"));

        Assert.Equal("ConnectionStrings:postgres", refused.Key);
    }

    [Fact]
    public void AMissingBootstrapAddressStopsTheStartNamingTheSetting()
    {
        var builder = Builder(("ConnectionStrings:postgres", "Host=127.0.0.1"));

        var refused = Assert.Throws<InvalidSettingException>(() => builder.AddPlatformMessaging("probe", null));

        Assert.Equal("Kafka:BootstrapServers", refused.Key);
    }

    private static WebApplicationBuilder Builder(params (string Key, string? Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        return builder;
    }
}
