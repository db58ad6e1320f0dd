using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Identity.People;

/// <summary>
/// The demo people of Development (gateway/README.md lists them), added at start when missing, so a restart neither
/// duplicates them nor undoes a lockout. Never outside Development.
/// </summary>
public sealed class DemoPeople(PersonDirectory people, IHostEnvironment environment, ILogger<DemoPeople> logger) : IHostedService
{
    public const string Password = "Demo-Password-1";

    public static readonly IReadOnlyList<(string Username, string DisplayName, string Role, string? CityId, string? EvaluatorId)> All =
    [
        ("coordinator.li", "Li Wei (coordinator)", PlatformRoles.Coordinator, null, null),
        ("coordinator.wang", "Wang Fang (coordinator)", PlatformRoles.Coordinator, null, null),
        ("finance.chen", "Chen Jing (finance)", PlatformRoles.Finance, null, null),
        ("auditor.zhao", "Zhao Lei (auditor)", PlatformRoles.Auditor, null, null),
        ("evaluator.sun", "Sun Min (evaluator, Tsinghua)", PlatformRoles.Evaluator, null, "tsinghua-cpp"),
        ("officer.hangzhou", "Hangzhou city officer", PlatformRoles.City, "hangzhou", null),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return;
        }

        foreach (var (username, name, role, city, evaluator) in All)
        {
            if (await people.AddAsync(username, name, Password, role, city, evaluator, cancellationToken))
            {
                logger.LogInformation("Added demo person {Username} ({Role})", username, role);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
