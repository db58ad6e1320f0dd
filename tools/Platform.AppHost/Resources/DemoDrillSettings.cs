namespace Platform.AppHost.Resources;

/// <summary>
/// Settings the local platform runs with so that the demo story can be played in seconds rather than in a day's time:
/// drill settings, as <c>Trust:ClockOffset</c> is for trust-score, never a production chart's values.
/// </summary>
internal static class DemoDrillSettings
{
    /// <summary>
    /// Red warnings are due within 5 s (15 min in production) and overdue duties are swept every 2 min (5 s): the demo's
    /// late city acknowledges after its deadline and before the sweep would settle it as missed (docs/communication.md §4:
    /// a late acknowledgement exists only between the deadline and the next sweep).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDemoAcknowledgementDeadlines(this IResourceBuilder<ProjectResource> communication) =>
        communication
            .WithEnvironment("Communication__AcknowledgementDeadlines__Red", "00:00:05")
            .WithEnvironment("Communication__SweepInterval", "00:02:00");
}
