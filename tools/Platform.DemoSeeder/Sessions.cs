namespace Platform.DemoSeeder;

/// <summary>
/// One token per client of the story, obtained once: each step acts as the role whose act it is (a city files its own
/// claim, finance records payments, two members of the coordinating body approve compensation).
/// </summary>
internal sealed class Sessions(GatewayApi gateway, DemoClients clients)
{
    private readonly Dictionary<string, string> tokens = new(StringComparer.Ordinal);

    public Task<string> CoordinatorAsync(CancellationToken cancellationToken) => TokenAsync(clients.Coordinators[0], cancellationToken);

    /// <summary>The <paramref name="index"/>-th member of the coordinating body (0 or 1).</summary>
    public Task<string> CoordinatorAsync(int index, CancellationToken cancellationToken) => TokenAsync(clients.Coordinators[index], cancellationToken);

    public Task<string> FinanceAsync(CancellationToken cancellationToken) => TokenAsync(clients.Finance, cancellationToken);

    public Task<string> AuditorAsync(CancellationToken cancellationToken) => TokenAsync(clients.Auditor, cancellationToken);

    public Task<string> EvaluatorAsync(int index, CancellationToken cancellationToken) => TokenAsync(clients.Evaluators[index], cancellationToken);

    public Task<string> CityAsync(string cityId, CancellationToken cancellationToken) =>
        clients.Cities.TryGetValue(cityId, out var client)
            ? TokenAsync(client, cancellationToken)
            : throw new InvalidDataException($"The demo region names no client for city '{cityId}'.");

    private async Task<string> TokenAsync(DemoClient client, CancellationToken cancellationToken)
    {
        if (!tokens.TryGetValue(client.ClientId, out var token))
        {
            token = await gateway.GetAccessTokenAsync(client, cancellationToken);
            tokens[client.ClientId] = token;
        }

        return token;
    }
}
