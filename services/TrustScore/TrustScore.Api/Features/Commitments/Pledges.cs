using Marten;
using Platform.Idempotency;
using Platform.ServiceDefaults.Errors;
using TrustScore.Api.Domain;
using TrustScore.Api.Domain.Commitments;
using TrustScore.Api.Infrastructure;

namespace TrustScore.Api.Features.Commitments;

/// <summary>A pledge before the coordinating body: resources or a response time, due by a date, with a weight (0.1–10, default 1).</summary>
public sealed record PledgeRequest(string? CityId, string? Description, DateTimeOffset? DueAt, double? Weight)
{
    public RequestValidation Validate() => new RequestValidation()
        .RequireText(CityId, "cityId", 64)
        .RequireText(Description, "description", 500)
        .Require(DueAt is not null, "dueAt", "'dueAt' is required.")
        .Require(Weight is null || (double.IsFinite(Weight.Value) && Weight is >= 0.1 and <= 10), "weight", "'weight' is from 0.1 to 10.");
}

/// <summary>The coordinating body confirms how far a pledge was kept (1 in full) and when.</summary>
public sealed record PledgeConfirmationRequest(double? Fulfilment, DateTimeOffset? FulfilledAt, string? Note)
{
    public RequestValidation Validate() => new RequestValidation()
        .Require(Fulfilment is { } f && double.IsFinite(f) && f is >= 0 and <= 1, "fulfilment", "'fulfilment' is from 0 to 1.")
        .Require(Note is null || Note.Length <= 500, "note", "'note' is at most 500 characters.");
}

/// <summary>Pledges: the coordinating body records them and confirms their fulfilment; an unconfirmed one defaults after the grace period.</summary>
public static class Pledges
{
    public static async Task<IResult> RecordAsync(
        PledgeRequest request, IDocumentSession session, ScoreRecalculation scores, TrustClock clock, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (await session.LoadAsync<TrustRecord>(request.CityId!, cancellationToken) is null)
        {
            return Problems.Unprocessable("Unknown city", $"'{request.CityId}' is not a member city.");
        }

        var now = clock.Now;
        var commitment = Commitment.Open(
            $"pledge:{Guid.CreateVersion7()}", request.CityId!, ["coordinating-body"], CommitmentKind.Pledge, request.Weight ?? 1, VerificationSource.Joint,
            request.Description!.Trim(), now, request.DueAt!.Value.ToUniversalTime());
        session.Store(commitment);
        await scores.RecomputeAsync(session, commitment.Debtor, now, "pledge recorded", cancellationToken);
        var result = IdempotencyKeys.Complete(http, session, StatusCodes.Status201Created, CommitmentResponse.From(commitment), $"{TrustScoreModule.RoutePrefix}/commitments/{Uri.EscapeDataString(commitment.Id)}");
        await session.SaveChangesAsync(cancellationToken);
        return result;
    }

    public static async Task<IResult> ConfirmAsync(
        Guid pledgeId, PledgeConfirmationRequest request, IDocumentSession session, ScoreRecalculation scores, TrustClock clock, CancellationToken cancellationToken)
    {
        var commitment = await session.LoadAsync<Commitment>($"pledge:{pledgeId}", cancellationToken);
        if (commitment is null)
        {
            return Problems.NotFound($"No pledge {pledgeId}.");
        }

        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (commitment.Status is not (CommitmentStatus.Open or CommitmentStatus.Defaulted))
        {
            return Problems.Unprocessable("Pledge already settled", $"Pledge {pledgeId} is {TrustScore.Api.Domain.Scoring.TrustCalculation.Name(commitment.Status)}.");
        }

        var now = clock.Now;
        commitment.Settle(request.Fulfilment!.Value, request.FulfilledAt?.ToUniversalTime() ?? now, $"Confirmed by the coordinating body: {request.Note ?? "fulfilment " + request.Fulfilment}.");
        session.Store(commitment);
        await scores.RecomputeAsync(session, commitment.Debtor, now, "pledge confirmed", cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(CommitmentResponse.From(commitment));
    }
}
