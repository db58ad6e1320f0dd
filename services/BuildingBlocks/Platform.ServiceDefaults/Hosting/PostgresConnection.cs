using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Platform.ServiceDefaults.Hosting;

/// <summary>The component's PostgreSQL connection string, refused at start when it is missing or malformed.</summary>
public static class PostgresConnection
{
    public const string Setting = "ConnectionStrings:postgres";

    public static string Require(IConfiguration configuration)
    {
        var value = configuration.Require(Setting);
        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException e)
        {
            throw new InvalidSettingException(Setting, $"is not a PostgreSQL connection string: {e.Message}", e);
        }

        return value;
    }
}
