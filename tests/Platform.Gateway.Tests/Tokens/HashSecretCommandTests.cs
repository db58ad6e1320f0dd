using Platform.Gateway.Tokens;

namespace Platform.Gateway.Tests.Tokens;

public sealed class HashSecretCommandTests
{
    [Fact]
    public void PrintsAHashOfTheSecretGivenAsArgument()
    {
        var output = new StringWriter();

        var handled = HashSecretCommand.TryRun(["hash-secret", "finance-secret"], TextReader.Null, output);

        Assert.True(handled);
        Assert.True(SecretHasher.Verify("finance-secret", output.ToString().Trim()));
    }

    [Fact]
    public void ReadsTheSecretFromStandardInputWhenNotGiven()
    {
        var output = new StringWriter();

        HashSecretCommand.TryRun(["hash-secret"], new StringReader("auditor-secret\n"), output);

        Assert.True(SecretHasher.Verify("auditor-secret", output.ToString().Trim()));
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5100")]
    public void LeavesOtherArgumentsToTheWebHost(params string[] args)
    {
        var output = new StringWriter();

        Assert.False(HashSecretCommand.TryRun(args, TextReader.Null, output));
        Assert.Empty(output.ToString());
    }
}
