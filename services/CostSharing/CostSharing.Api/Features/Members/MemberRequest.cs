using CostSharing.Api.Domain.Members;
using Platform.ServiceDefaults.Errors;

namespace CostSharing.Api.Features.Members;

/// <summary>The member details a coordinator sends; every field nullable so missing ones are reported, not defaulted.</summary>
public sealed record MemberRequest(string? CityId, string? Name, string? Province, long? Population, decimal? GdpCny, ContactRequest? Contact)
{
    public RequestValidation Validate()
    {
        var validation = new RequestValidation();
        foreach (var (field, message) in MemberRules.Check(
            CityId, Name, Province, Population, GdpCny, Contact?.Name, Contact?.Email, Contact?.Phone))
        {
            validation.Add(field, message);
        }

        return validation;
    }

    /// <summary>Only valid after <see cref="Validate"/> reported no errors.</summary>
    public MemberDetails ToDetails() => new(
        CityId!, Name!, Province!, Population!.Value, GdpCny!.Value,
        new Contact(Contact!.Name!.Trim(), Contact.Email!.Trim(), string.IsNullOrWhiteSpace(Contact.Phone) ? null : Contact.Phone.Trim()));
}

public sealed record ContactRequest(string? Name, string? Email, string? Phone);
