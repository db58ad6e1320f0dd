using Npgsql;
using Platform.Gateway.Identity.Storage;

namespace Platform.Gateway.Identity.People;

/// <summary>A person and the version of their row, the token of the optimistic concurrency on the lockout count.</summary>
internal sealed record PersonRow(Person Person, long Version);

/// <summary>The SQL of the people table (<see cref="IdentityTables"/>); one statement per call, no transaction needed.</summary>
internal static class PersonRows
{
    private const string Columns = "username, display_name, password_hash, role, city_id, evaluator_id, failed_attempts, locked_out_until";

    public static async Task<PersonRow?> LoadAsync(NpgsqlDataSource database, string username, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"select {Columns}, version from {IdentityDatabase.People} where username = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = username });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var person = new Person
        {
            Id = reader.GetString(0),
            DisplayName = reader.GetString(1),
            PasswordHash = reader.GetString(2),
            Role = reader.GetString(3),
            CityId = reader.IsDBNull(4) ? null : reader.GetString(4),
            EvaluatorId = reader.IsDBNull(5) ? null : reader.GetString(5),
            FailedAttempts = reader.GetInt32(6),
            LockedOutUntil = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
        };
        return new PersonRow(person, reader.GetInt64(8));
    }

    /// <summary>Inserts the person unless the username is taken; true when inserted.</summary>
    public static async Task<bool> InsertAsync(NpgsqlDataSource database, Person person, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"insert into {IdentityDatabase.People} ({Columns}) values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (username) do nothing");
        foreach (var value in new object?[]
                 {
                     person.Id, person.DisplayName, person.PasswordHash, person.Role, person.CityId, person.EvaluatorId, person.FailedAttempts,
                     person.LockedOutUntil,
                 })
        {
            command.Parameters.Add(Parameter(value));
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Writes the lockout count and time if the row is still at <paramref name="version"/>; false when someone else changed it first.</summary>
    public static async Task<bool> UpdateLockoutAsync(NpgsqlDataSource database, Person person, long version, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"update {IdentityDatabase.People} set failed_attempts = $2, locked_out_until = $3, version = version + 1 where username = $1 and version = $4");
        command.Parameters.Add(Parameter(person.Id));
        command.Parameters.Add(Parameter(person.FailedAttempts));
        command.Parameters.Add(Parameter(person.LockedOutUntil));
        command.Parameters.Add(Parameter(version));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>A positional parameter; a null is sent as SQL null (the column's type comes from the statement).</summary>
    private static NpgsqlParameter Parameter(object? value) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value },
        DateTimeOffset at => new NpgsqlParameter { Value = at.ToUniversalTime() },
        _ => new NpgsqlParameter { Value = value },
    };
}
