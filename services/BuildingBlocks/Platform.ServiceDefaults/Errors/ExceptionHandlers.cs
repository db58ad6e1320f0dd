using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Malformed JSON, wrong content type, oversized bodies: the caller's fault, told precisely. A value JSON cannot read
/// into its field (a wrong type, a number out of range, forbidden characters) is a field error keyed by the field's
/// path in the body (<c>bankReference</c>, <c>lines[0].amount</c>), as the handlers' own validation keys them.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : ProblemExceptionHandler(problems)
{
    protected override Refusal? Describe(Exception exception) => exception is BadHttpRequestException bad
        ? new Refusal(
            bad.StatusCode,
            bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Malformed request",
            bad.InnerException is JsonException json ? $"{bad.Message} {json.Message}" : bad.Message,
            Errors: bad.InnerException is JsonException { Path: { Length: > 2 } path } field
                ? new Dictionary<string, string[]>(StringComparer.Ordinal) { [path[2..]] = [FieldMessage(field)] }
                : null)
        : null;

    /// <summary>The converter's own reason when it gave one, else a plain one (the serializer's names .NET types).</summary>
    private static string FieldMessage(JsonException error) =>
        error.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? "This value has the wrong type or is out of range."
            : error.Message.Split(" Path: ", 2)[0];
}
