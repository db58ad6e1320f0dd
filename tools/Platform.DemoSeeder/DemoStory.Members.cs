namespace Platform.DemoSeeder;

internal sealed partial class DemoStory
{
    /// <summary>
    /// The coordinating body registers the cities and their agreement; the step ends when the fund has opened each city's
    /// accounts and trust-score and evaluation know it, since the next steps call its contributions and score it.
    /// </summary>
    public async Task MembersAsync(CancellationToken cancellationToken)
    {
        var coordinator = await Sessions.CoordinatorAsync(cancellationToken);
        foreach (var member in region.Members)
        {
            var isNew = await gateway.RegisterMemberAsync(member, coordinator, cancellationToken);
            Step($"member {member.CityId} {member.Name} ({member.Province}): {(isNew ? "registered" : "already registered")}");
        }

        var created = await gateway.CreateAgreementAsync(region.Agreement, coordinator, cancellationToken);
        Step($"agreement {region.Agreement.Id} {region.Agreement.Name}: {(created ? "created" : "already there")}");

        foreach (var member in region.Members)
        {
            foreach (var path in new[] { $"api/fund/members/{member.CityId}/accounts", $"api/trust/scores/{member.CityId}", $"api/evaluation/members/{member.CityId}" })
            {
                await Waiting.UntilAsync(
                    async () => await gateway.FindAsync(path, coordinator, cancellationToken) is not null, $"{path} to know {member.CityId}", cancellationToken);
            }
        }

        Step("the fund, trust-score and evaluation know every member");
    }
}
