using Platform.Gateway.Tokens;

namespace Platform.Gateway.Tests.Tokens;

public sealed class SecretHasherTests
{
    private const int FastIterations = SecretHasher.MinIterations;

    [Fact]
    public void VerifiesTheSecretItWasMadeFrom()
    {
        var hash = SecretHasher.Hash("city-hangzhou-secret", FastIterations);

        Assert.True(SecretHasher.Verify("city-hangzhou-secret", hash));
    }

    [Theory]
    [InlineData("city-hangzhou-secreT")]
    [InlineData("city-hangzhou-secret ")]
    [InlineData("city-hangzhou")]
    [InlineData("")]
    public void RefusesAnyOtherSecret(string wrong)
    {
        var hash = SecretHasher.Hash("city-hangzhou-secret", FastIterations);

        Assert.False(SecretHasher.Verify(wrong, hash));
    }

    [Fact]
    public void SaltsEachHashDifferently()
    {
        var first = SecretHasher.Hash("same-secret", FastIterations);
        var second = SecretHasher.Hash("same-secret", FastIterations);

        Assert.NotEqual(first.Split('$')[2], second.Split('$')[2]);
        Assert.NotEqual(first, second);
        Assert.True(SecretHasher.Verify("same-secret", second));
    }

    [Fact]
    public void WritesSchemeAndIterationsIntoTheHash()
    {
        var parts = SecretHasher.Hash("s", FastIterations).Split('$');

        Assert.Equal(["pbkdf2-sha256", FastIterations.ToString(System.Globalization.CultureInfo.InvariantCulture)], parts[..2]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
    }

    [Fact]
    public void UsesOwaspIterationCountByDefault()
    {
        Assert.StartsWith("pbkdf2-sha256$600000$", SecretHasher.Hash("s"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("city-hangzhou-secret")]
    [InlineData("sha256$10000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$10$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$10000$not base64$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$10000$AAAAAAAAAAAAAAAAAAAAAA==")]
    public void RefusesMalformedHashes(string malformed)
    {
        Assert.False(SecretHasher.IsWellFormed(malformed));
        Assert.False(SecretHasher.Verify("city-hangzhou-secret", malformed));
    }
}
