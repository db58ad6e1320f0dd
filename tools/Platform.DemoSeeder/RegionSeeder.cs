namespace Platform.DemoSeeder;

/// <summary>Loads the demo region through the gateway, idempotently: a re-run finds everything there and changes nothing.</summary>
internal sealed class RegionSeeder(GatewayApi gateway, TextWriter log, TimeProvider clock)
{
    public async Task SeedAsync(DemoRegion region, CancellationToken cancellationToken)
    {
        log.WriteLine($"Seeding demo region {region.Id} ({region.Name})");
        var token = await gateway.GetAccessTokenAsync(region.Client, cancellationToken);
        log.WriteLine($"  token obtained for client '{region.Client.ClientId}'");

        var registered = 0;
        foreach (var member in region.Members)
        {
            var isNew = await gateway.RegisterMemberAsync(member, token, cancellationToken);
            registered += isNew ? 1 : 0;
            log.WriteLine($"  member {member.CityId} {member.Name} ({member.Province}): {(isNew ? "registered" : "already registered")}");
        }

        // The agreement needs its members registered, and the incidents need the agreement.
        if (region.Agreement is { } agreement)
        {
            var created = await gateway.CreateAgreementAsync(agreement, token, cancellationToken);
            log.WriteLine($"  agreement {agreement.Id} {agreement.Name}: {(created ? "created" : "already there")}");
        }

        var incidents = region.Incidents ?? [];
        var incidentSeeder = new IncidentSeeder(gateway, log, clock);
        foreach (var incident in incidents)
        {
            await incidentSeeder.SeedAsync(incident, token, cancellationToken);
        }

        log.WriteLine($"Demo region seeded: {region.Members.Count} members, {registered} newly registered; "
            + $"{(region.Agreement is null ? "no agreement" : "1 agreement")}, {incidents.Count} incident(s).");
    }
}
