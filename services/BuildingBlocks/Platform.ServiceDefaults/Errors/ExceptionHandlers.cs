using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Errors;

/// <summary>Malformed JSON, wrong content type, oversized bodies: the caller's fault, told precisely.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : ProblemExceptionHandler(problems)
{
    protected override Refusal? Describe(Exception exception) => exception is BadHttpRequestException bad
        ? new Refusal(
            bad.StatusCode,
            bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Malformed request",
            bad.InnerException is JsonException json ? $"{bad.Message} {json.Message}" : bad.Message)
        : null;
}
