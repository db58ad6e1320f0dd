using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Gateway.Identity.People;
using Platform.Gateway.Identity.Storage;
using Platform.Testing;

namespace Platform.Gateway.Tests.Identity.Storage;

/// <summary>The gateway's own tables on a fresh database: the upgrade from Marten's documents, and the lockout count under races.</summary>
public sealed class IdentityTablesTests : IAsyncLifetime
{
    private NpgsqlDataSource _database = null!;

    public async Task InitializeAsync() =>
        _database = NpgsqlDataSource.Create(await (await TestInfrastructure.GetAsync()).CreateDatabaseAsync("gateway_tables"));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task KeepsThePeopleAnEarlierVersionKeptAsMartenDocuments()
    {
        var hash = new PasswordHasher<Person>().HashPassword(null!, "Old-Password-1");
        await ExecuteAsync($"""
            create schema "{IdentityDatabase.Schema}";
            create table "{IdentityDatabase.Schema}".mt_doc_person (id varchar primary key, data jsonb not null);
            insert into "{IdentityDatabase.Schema}".mt_doc_person values ('officer.old', jsonb_build_object(
                'id', 'officer.old', 'displayName', 'Old officer', 'passwordHash', '{hash}', 'role', 'city',
                'cityId', 'chizhou', 'evaluatorId', null, 'failedAttempts', 3, 'lockedOutUntil', null));
            """);

        await Tables().ApplyAsync(CancellationToken.None);
        await Tables().ApplyAsync(CancellationToken.None); // every start runs it again: nothing doubles, nothing fails

        var directory = Directory();
        var person = await directory.FindAsync("officer.old", CancellationToken.None);
        Assert.Equal(("Old officer", "city", "chizhou", (string?)null, 3), (person?.DisplayName, person?.Role, person?.CityId, person?.EvaluatorId, person?.FailedAttempts));
        var signIn = await directory.SignInAsync("officer.old", "Old-Password-1", CancellationToken.None);
        Assert.Equal(SignInOutcome.SignedIn, signIn.Outcome);
        Assert.Equal(0, (await directory.FindAsync("officer.old", CancellationToken.None))!.FailedAttempts);
    }

    [Fact]
    public async Task CountsEveryWrongPasswordOfThoseSentAtOnce()
    {
        await Tables().ApplyAsync(CancellationToken.None);
        var directory = Directory();
        Assert.True(await directory.AddAsync("coordinator.race", "Race", "Right-Password-1", "coordinator", null, null, CancellationToken.None));
        Assert.False(await directory.AddAsync("coordinator.race", "Someone else", "Other-Password-1", "coordinator", null, null, CancellationToken.None));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Lockout.MaxFailedAttempts)
            .Select(_ => Task.Run(() => directory.SignInAsync("coordinator.race", "Wrong-Password-1", CancellationToken.None))));

        Assert.All(outcomes, o => Assert.Equal(SignInOutcome.Refused, o.Outcome));
        Assert.NotNull((await directory.FindAsync("coordinator.race", CancellationToken.None))!.LockedOutUntil);
        Assert.Equal(SignInOutcome.Refused, (await directory.SignInAsync("coordinator.race", "Right-Password-1", CancellationToken.None)).Outcome);
    }

    private IdentityTables Tables() => new(_database, NullLogger<IdentityTables>.Instance);

    private PersonDirectory Directory() => new(_database, new PasswordHasher<Person>(), TimeProvider.System);

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
