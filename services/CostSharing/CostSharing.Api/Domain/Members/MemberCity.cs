namespace CostSharing.Api.Domain.Members;

/// <summary>
/// A member of the cross-boundary city community (城市主体), registered and kept by the coordinating body.
/// </summary>
public sealed class MemberCity
{
    public string CityId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Province { get; set; } = string.Empty;

    public long Population { get; set; }

    /// <summary>Gross domestic product in yuan, exact to the fen.</summary>
    public decimal GdpCny { get; set; }

    public Contact Contact { get; set; } = new(string.Empty, string.Empty, null);

    /// <summary>Starts at 1 and grows with every change; clients send it back as <c>If-Match</c>.</summary>
    public long Version { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static MemberCity Register(MemberDetails details, DateTimeOffset now)
    {
        var member = new MemberCity { CityId = details.CityId, JoinedAt = now, Version = 0 };
        member.Apply(details, now);
        return member;
    }

    public void Apply(MemberDetails details, DateTimeOffset now)
    {
        Name = details.Name.Trim();
        Province = details.Province.Trim();
        Population = details.Population;
        GdpCny = details.GdpCny;
        Contact = details.Contact;
        Version++;
        UpdatedAt = now;
    }
}

public sealed record Contact(string Name, string Email, string? Phone);

/// <summary>The registrable details of a member, already validated by <see cref="MemberRules"/>.</summary>
public sealed record MemberDetails(string CityId, string Name, string Province, long Population, decimal GdpCny, Contact Contact);
