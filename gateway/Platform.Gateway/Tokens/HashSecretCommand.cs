namespace Platform.Gateway.Tokens;

/// <summary>
/// <c>dotnet run --project gateway/Platform.Gateway -- hash-secret &lt;secret&gt;</c> prints the value to put in
/// <c>TokenIssuer:Clients:n:SecretHash</c>. Without the argument it reads the secret from standard input, which
/// keeps it out of the shell history. Runs before, and instead of, the web host.
/// </summary>
public static class HashSecretCommand
{
    public const string Name = "hash-secret";

    public static bool TryRun(string[] args, TextReader input, TextWriter output)
    {
        if (args is not [Name, ..])
        {
            return false;
        }

        var secret = args.Length > 1 ? args[1] : input.ReadLine();
        if (string.IsNullOrEmpty(secret))
        {
            output.WriteLine($"usage: {Name} <secret>   (or give the secret on standard input)");
            Environment.ExitCode = 2;
            return true;
        }

        output.WriteLine(SecretHasher.Hash(secret));
        return true;
    }
}
