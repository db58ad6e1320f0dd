using System.Security.Claims;
using Communication.Api.Domain.Cap;
using Marten;
using Platform.ServiceDefaults.Errors;

namespace Communication.Api.Features.Warnings;

/// <summary>One warning, as CAP 1.2 XML when the caller accepts <c>application/cap+xml</c> or <c>application/xml</c>, else as JSON.</summary>
public static class GetWarning
{
    public static async Task<IResult> HandleAsync(Guid id, HttpRequest http, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var warning = await WarningAccess.VisibleAsync(session, id, user, cancellationToken);
        if (warning is null)
        {
            return Problems.NotFound($"No warning {id}.");
        }

        var accept = http.Headers.Accept.ToString();
        var xml = IssueWarning.XmlMediaTypes.FirstOrDefault(t => accept.Contains(t, StringComparison.OrdinalIgnoreCase));
        if (xml is not null && !accept.Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var document = CapXml.Write(warning.Cap);
            return Results.Text(document.Declaration + Environment.NewLine + document.ToString(), $"{xml}; charset=utf-8");
        }

        return Results.Ok(WarningResponse.From(warning));
    }
}
