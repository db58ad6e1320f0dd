using CompensationFund.Api.Domain.Banking;
using CompensationFund.Api.Features.Accounts;
using CompensationFund.Api.Infrastructure.Http;
using Marten;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Banking;

public static class BankingEndpoints
{
    public static RouteGroupBuilder MapBankingEndpoints(this RouteGroupBuilder api)
    {
        var statements = api.MapGroup("/bank-statements").WithTags("Bank statements");
        statements.MapPost("/", ImportBankStatement.HandleAsync)
            .RequireAuthorization(FundPolicies.Finance).MovesMoney()
            .Accepts<string>("text/csv")
            .Produces<ImportResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Imports a bank statement (CSV: date,amount,payer,reference,bank_reference; charset from Content-Type) and matches its lines (finance).");
        statements.MapGet("/", ListAsync).RequireAuthorization(FundPolicies.LedgerReader)
            .Produces<Page<ImportResponse>>().WithSummary("Lists imported statements, newest first.");
        statements.MapGet("/{importId:guid}", GetAsync).RequireAuthorization(FundPolicies.LedgerReader)
            .Produces<ImportResponse>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Reads one import with every line's status.");
        api.MapBankLineEndpoints();
        return statements;
    }

    private static async Task<IResult> GetAsync(Guid importId, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<BankStatementImport>(importId, cancellationToken) is { } import
            ? Results.Ok(ImportResponse.From(import))
            : Problems.NotFound($"No bank statement import {importId}.");

    private static async Task<IResult> ListAsync(IQuerySession session, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize);
        var total = await session.Query<BankStatementImport>().CountAsync(cancellationToken);
        var imports = await session.Query<BankStatementImport>().OrderByDescending(i => i.ImportedAt).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return Results.Ok(new Page<ImportResponse>([.. imports.Select(ImportResponse.From)], request.Number, request.Size, total));
    }
}
