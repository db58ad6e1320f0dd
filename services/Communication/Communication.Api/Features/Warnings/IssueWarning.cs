using System.Security.Claims;
using System.Text.Json;
using Communication.Api.Domain.Cap;
using Communication.Api.Domain.Warnings;
using Communication.Api.Infrastructure.Cap;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Communication.Api.Features.Warnings;

/// <summary>
/// A city issues, updates or cancels a warning, as itself only, in JSON or as a CAP 1.2 message (<c>application/cap+xml</c> or
/// <c>application/xml</c>) validated against the CAP 1.2 schema: bad XML or a schema violation is a 400 naming the element, and
/// nothing is stored.
/// </summary>
public static class IssueWarning
{
    public static readonly string[] XmlMediaTypes = ["application/cap+xml", "application/xml", "text/xml"];

    public static async Task<IResult> HandleAsync(
        HttpRequest http, ClaimsPrincipal user, WarningIssuer issuer, IOptions<JsonOptions> json, TimeProvider clock, CancellationToken cancellationToken)
    {
        var cityId = user.CityId()!;
        var mediaType = http.ContentType is { } contentType ? contentType.Split(';')[0].Trim().ToLowerInvariant() : "";
        using var reader = new StreamReader(http.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var (cap, references, problem) = XmlMediaTypes.Contains(mediaType) ? FromXml(body, cityId)
            : mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal) ? FromJson(body, cityId, json.Value.SerializerOptions, clock.GetUtcNow())
            : (null, null, Problems.UnsupportedMediaType($"Send a warning as application/json, application/cap+xml or application/xml, not '{mediaType}'."));
        if (problem is not null)
        {
            return problem;
        }

        var (warning, refused) = await issuer.IssueAsync(cityId, cap!, references!, cancellationToken);
        return refused ?? Results.Created($"{CommunicationModule.RoutePrefix}/warnings/{warning!.Id}", WarningResponse.From(warning));
    }

    private static (CapAlert?, WarningReferences?, IResult?) FromXml(string body, string cityId)
    {
        var parsed = CapSchema.Parse(body);
        if (!parsed.IsValid)
        {
            var validation = new RequestValidation();
            validation.Add(parsed.Element!, parsed.Error!);
            return (null, null, validation.ToProblem());
        }

        var cap = CapXml.Read(parsed.Document!);
        if (!SendsAs(cap.Sender, cityId))
        {
            return (null, null, Problems.Forbidden($"A city issues warnings as itself only: the CAP sender is '{cap.Sender}', the caller is {cityId}."));
        }

        var pairs = Warning.ParseReferences(cap.References);
        var check = new RequestValidation()
            .Require(MsgTypes.Warnings.Contains(cap.MsgType), "msgType", "A warning's msgType is Alert, Update or Cancel.")
            .Require(pairs.All(p => p is not null), "references", "CAP references are 'sender,identifier,sent' entries separated by spaces.")
            .Require(cap.MsgType == MsgTypes.Alert || pairs.Count > 0, "references", "An Update or Cancel references the warnings it replaces.")
            .Require(cap.MsgType == MsgTypes.Cancel || cap.Infos.Count > 0, "info", "An Alert or Update carries at least one info block.");
        return check.IsValid
            ? (cap, WarningReferences.FromCap(cap.MsgType, [.. pairs.Select(p => p!.Value)]), null)
            : (null, null, check.ToProblem());
    }

    private static (CapAlert?, WarningReferences?, IResult?) FromJson(string body, string cityId, JsonSerializerOptions options, DateTimeOffset now)
    {
        WarningRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<WarningRequest>(body, options);
        }
        catch (JsonException e)
        {
            var malformed = new RequestValidation();
            malformed.Add(e.Path ?? "$", $"Malformed JSON: {e.Message}");
            return (null, null, malformed.ToProblem());
        }

        if (request is null)
        {
            var empty = new RequestValidation();
            empty.Add("$", "A warning is required.");
            return (null, null, empty.ToProblem());
        }

        if (request.SenderCityId is { } sender && sender != cityId)
        {
            return (null, null, Problems.Forbidden($"A city issues warnings as itself only: 'senderCityId' is {sender}, the caller is {cityId}."));
        }

        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return (null, null, validation.ToProblem());
        }

        var cap = request.ToCap(cityId, $"{cityId}-{Guid.CreateVersion7(now):N}", now);
        return (cap, WarningReferences.ById(cap.MsgType, request.References), null);
    }

    /// <summary>The CAP sender of a city is its id, alone or as the local part of an address (<c>huangshan@…</c>).</summary>
    public static bool SendsAs(string sender, string cityId) =>
        sender == cityId || sender.StartsWith(cityId + "@", StringComparison.Ordinal);
}
