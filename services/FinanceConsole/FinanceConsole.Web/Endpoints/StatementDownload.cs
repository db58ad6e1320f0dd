using FinanceConsole.Web.Gateway;
using FinanceConsole.Web.Security;

namespace FinanceConsole.Web.Endpoints;

/// <summary>A city's statement as the fund writes it in CSV (<c>format=csv</c>), downloaded under a file name that says what it is.</summary>
public static class StatementDownload
{
    public static void MapStatementDownload(this IEndpointRouteBuilder app) =>
        app.MapGet("/statements/{cityId}/csv", DownloadAsync).RequireAuthorization(ConsolePolicies.Ledger);

    private static async Task<IResult> DownloadAsync(string cityId, DateOnly? from, DateOnly? to, PlatformApi api, CancellationToken cancellationToken)
    {
        var query = PlatformApi.Query(("format", "csv"), ("from", from is { } f ? PlatformApi.Date(f) : null), ("to", to is { } t ? PlatformApi.Date(t) : null));
        var (status, contentType, body) = await api.DownloadAsync($"/api/fund/members/{Uri.EscapeDataString(cityId)}/statement{query}", cancellationToken);
        if (status != StatusCodes.Status200OK)
        {
            return Results.StatusCode(status);
        }

        var name = $"statement-{cityId}-{(from is { } a ? PlatformApi.Date(a) : "start")}-{(to is { } b ? PlatformApi.Date(b) : "today")}.csv";
        return Results.File(body, contentType, name);
    }
}
