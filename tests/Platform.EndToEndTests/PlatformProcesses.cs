using Platform.Contracts;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>The platform's components as processes, wired to one database and one topic namespace.</summary>
public static class PlatformProcesses
{
    public static readonly IReadOnlyDictionary<string, string> Services = new Dictionary<string, string>
    {
        ["cost-sharing"] = "services/CostSharing/CostSharing.Api",
        ["compensation-fund"] = "services/CompensationFund/CompensationFund.Api",
        ["trust-score"] = "services/TrustScore/TrustScore.Api",
        ["evaluation"] = "services/Evaluation/Evaluation.Api",
        ["communication"] = "services/Communication/Communication.Api",
    };

    /// <summary>
    /// Settings one service gets on top of the common ones: communication's blue warnings are due within two seconds, so a missed
    /// acknowledgement can be watched end to end (the other levels keep their defaults).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Extra = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["communication"] = new Dictionary<string, string>
        {
            ["Communication__AcknowledgementDeadlines__Blue"] = "00:00:02",
            ["Communication__SweepInterval"] = "00:00:00.250",
        },
    };

    public static ServiceProcess Service(string name, string connectionString, string bootstrapServers, string topicNamespace) =>
        new(name, Services[name], new Dictionary<string, string>(Extra.GetValueOrDefault(name) ?? new Dictionary<string, string>())
        {
            ["ConnectionStrings__postgres"] = connectionString,
            ["Kafka__BootstrapServers"] = bootstrapServers,
            ["Messaging__Namespace"] = topicNamespace,
            ["Messaging__RelayPollInterval"] = "00:00:00.100",

            // A message that arrives before what it depends on is parked and retried; the first retry comes after a minute by
            // default, longer than a flow's wait here.
            ["Messaging__ParkingDelays"] = "00:00:00.500,00:00:01,00:00:02,00:00:05,00:00:10,00:00:20,00:00:30,00:01:00",
            ["Auth__SigningKeys__0"] = TestTokens.PublicKeyPem,
            ["Logging__LogLevel__Default"] = "Warning",

            // Trust-score only: its clock runs three days ahead and a commitment defaults one day after its due date, so a
            // settlement due today defaults within seconds (end-to-end default); settlements due later are unaffected.
            ["Trust__ClockOffset"] = "3.00:00:00",
            ["Trust__GracePeriod"] = "1.00:00:00",
            ["Trust__SweepInterval"] = "00:00:01",
        });

    /// <summary>
    /// The gateway in front of <paramref name="services"/>, keeping its people in the same database as they do (in its own
    /// schema); Development, so the demo people of gateway/README.md can sign in.
    /// </summary>
    public static ServiceProcess Gateway(IEnumerable<ServiceProcess> services)
    {
        services = services.ToList();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__postgres"] = services.Select(s => s.Environment.GetValueOrDefault("ConnectionStrings__postgres"))
                .First(c => c is not null)!,
            ["TokenIssuer__SigningKeyPem"] = TestTokens.PrivateKeyPem,
            ["Auth__SigningKeys__0"] = TestTokens.PublicKeyPem,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var service in services)
        {
            environment[$"ReverseProxy__Clusters__{service.Name}__Destinations__d1__Address"] = service.BaseAddress.ToString();
            environment[$"ReverseProxy__Clusters__{service.Name}__Destinations__d1__Health"] = $"http://127.0.0.1:{service.ManagementPort}";
        }

        var gateway = new ServiceProcess("gateway", "gateway/Platform.Gateway", environment);
        gateway.Environment["Identity__Console__BaseUrl"] = gateway.BaseAddress.ToString().TrimEnd('/');
        return gateway;
    }

    /// <summary>
    /// The finance console, served behind the gateway at <c>/console</c>. Pass it to <see cref="Gateway"/> with the services
    /// (its cluster id is its name), then name the gateway: <c>console.Environment["Console__Gateway"] = gateway.BaseAddress.ToString()</c>.
    /// </summary>
    public static ServiceProcess Console() =>
        new("finance-console", "services/FinanceConsole/FinanceConsole.Web", new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Warning",
        });

    public static IEnumerable<string> TopicsOf(string ns) => Topics.All.Select(t => $"{ns}.{t}");
}
