using System.Text.Json;
using Fund.StatementVerifier;

// Usage: Fund.StatementVerifier <proofs.json> <root.json | root-hex>
// proofs.json: GET /api/fund/members/{cityId}/statement/proofs?period=yyyy-MM (with the city's token)
// root.json:   GET /api/fund/periods/{period}/root (fetch it yourself, ideally also from another member or an archive)
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Fund.StatementVerifier <proofs.json> <root.json | root-hex>");
    return 2;
}

using var proofs = JsonDocument.Parse(File.ReadAllText(args[0]));
var root = File.Exists(args[1]) ? JsonDocument.Parse(File.ReadAllText(args[1])).RootElement.GetProperty("root").GetString()! : args[1];
var verdicts = StatementVerifier.Verify(proofs.RootElement, root);
foreach (var v in verdicts)
{
    Console.WriteLine($"{(v.Included ? "OK  " : "FAIL")} line {v.Position} {v.Account}: {v.Detail}");
}

Console.WriteLine(verdicts.All(v => v.Included) ? $"All {verdicts.Count} lines verified against root {root}." : "Verification FAILED.");
return verdicts.All(v => v.Included) ? 0 : 1;
