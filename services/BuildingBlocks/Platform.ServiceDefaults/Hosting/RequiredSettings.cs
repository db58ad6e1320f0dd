using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults.Hosting;

/// <summary>
/// Settings a component cannot run without. Read while the host is built, so a missing or unreadable one stops the
/// process at start with the setting's name (docs/architecture.md §8), instead of a process that reports ready and
/// answers 500 to every request.
/// </summary>
public static class RequiredSettings
{
    /// <summary>The value of <paramref name="key"/>, or a start-up failure naming it when it is missing or blank.</summary>
    public static string Require(this IConfiguration configuration, string key, string? alternativeKey = null)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value) && alternativeKey is not null)
        {
            value = configuration[alternativeKey];
        }

        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidSettingException(key, "is not configured")
            : value;
    }
}

/// <summary>A setting the process cannot start with; the message names it (the environment variable replaces ':' by "__").</summary>
public sealed class InvalidSettingException(string key, string problem, Exception? inner = null)
    : InvalidOperationException($"Setting '{key}' (environment variable {key.Replace(":", "__", StringComparison.Ordinal)}) {problem}.", inner)
{
    public string Key { get; } = key;
}
