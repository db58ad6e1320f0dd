using FinanceConsole.Web.Gateway;
using FinanceConsole.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace FinanceConsole.Web.Endpoints;

/// <summary>
/// Finance uploads a bank statement (CSV) and sees how each line was matched: the file goes to the fund's import as sent
/// (its charset kept), the person lands on the import's page. The form's key is the import's <c>Idempotency-Key</c>,
/// so a resubmitted upload replays the first import.
/// </summary>
public static class BankUpload
{
    private const long MaxStatementBytes = 1024 * 1024;

    public static void MapBankUpload(this IEndpointRouteBuilder app) =>
        app.MapPost("/bank/upload", UploadAsync).RequireAuthorization(ConsolePolicies.Ledger);

    private static async Task<IResult> UploadAsync(
        [FromForm] IFormFile? statement, [FromForm] string? charset, [FromForm] string? key, PlatformApi api, HttpContext http, CancellationToken cancellationToken)
    {
        var back = http.Request.PathBase + "/bank";
        if (!http.User.IsFinance())
        {
            return Results.Redirect(http.Request.PathBase + "/forbidden");
        }

        if (statement is null || statement.Length == 0 || statement.Length > MaxStatementBytes)
        {
            return Results.Redirect(back + "?error=file");
        }

        using var buffer = new MemoryStream();
        await statement.CopyToAsync(buffer, cancellationToken);
        var result = await api.PostCsvAsync<BankImportResult>(
            "/api/fund/bank-statements", buffer.ToArray(), string.IsNullOrWhiteSpace(charset) ? "utf-8" : charset,
            string.IsNullOrWhiteSpace(key) ? Guid.NewGuid().ToString() : key, cancellationToken);
        return result.Ok
            ? Results.Redirect($"{http.Request.PathBase}/bank/imports/{result.Value!.Id}")
            : Results.Redirect(back + "?error=" + Uri.EscapeDataString(result.Problem ?? "?"));
    }
}
