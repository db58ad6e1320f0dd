using System.Text;
using Microsoft.Net.Http.Headers;
using Platform.ServiceDefaults.Errors;

namespace CompensationFund.Api.Features.Banking;

/// <summary>
/// Reads an uploaded statement in the charset its <c>Content-Type</c> names (UTF-8 when silent; a byte order mark
/// wins). Chinese banks export GB18030 (GBK) as often as UTF-8; read as UTF-8 every payer's name would be garbage
/// and every name-based match would fail. Bytes that are not valid in the named charset are a 400, never replaced.
/// </summary>
public static class StatementText
{
    public const long MaxBytes = 1024 * 1024;

    static StatementText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async Task<(string? Text, IResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var name = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.Charset.HasValue ? type.Charset.Value.Trim('"') : "utf-8";
        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return (null, Problems.UnsupportedMediaType($"Unknown charset '{name}': send UTF-8 or name the bank's charset (e.g. GB18030) in Content-Type."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, Problems.BadRequest("statement", $"A statement is at most {MaxBytes} bytes; split it."));
        }

        try
        {
            using var reader = new StreamReader(request.Body, encoding, detectEncodingFromByteOrderMarks: true);
            return (await reader.ReadToEndAsync(cancellationToken), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, Problems.BadRequest("statement", $"The statement is not valid {encoding.WebName}; name its charset in Content-Type (e.g. text/csv; charset=GB18030)."));
        }
    }
}
