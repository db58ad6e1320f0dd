using Microsoft.AspNetCore.Identity;
using Npgsql;
using Platform.Gateway.Identity.Storage;

namespace Platform.Gateway.Identity.People;

public enum SignInOutcome
{
    SignedIn,
    Refused,
}

public sealed record SignInResult(SignInOutcome Outcome, Person? Person);

/// <summary>The people the platform keeps, in the gateway's own schema; checks passwords and keeps the lockout count.</summary>
public sealed class PersonDirectory(NpgsqlDataSource database, IPasswordHasher<Person> hasher, TimeProvider clock)
{
    /// <summary>An unknown username is checked against this hash, so the answer's delay does not tell who exists.</summary>
    private static readonly Lazy<string> UnknownPersonHash =
        new(() => new PasswordHasher<Person>().HashPassword(null!, Guid.NewGuid().ToString("N")));

    /// <summary>How often a sign-in re-reads a person whose row changed under it before it gives up and refuses.</summary>
    private const int MaxAttempts = 5;

    public async Task<Person?> FindAsync(string username, CancellationToken cancellationToken) =>
        (await PersonRows.LoadAsync(database, username, cancellationToken))?.Person;

    /// <summary>Adds the person unless someone has the username already; true when added.</summary>
    public async Task<bool> AddAsync(string username, string displayName, string password, string role, string? cityId, string? evaluatorId,
        CancellationToken cancellationToken)
    {
        var problems = PersonRules.Problems(username, role, cityId, evaluatorId).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(role));
        }

        var person = new Person { Id = username, DisplayName = displayName, PasswordHash = "", Role = role, CityId = cityId, EvaluatorId = evaluatorId };
        return await PersonRows.InsertAsync(database, person with { PasswordHash = hasher.HashPassword(person, password) }, cancellationToken);
    }

    /// <remarks>
    /// Implementation note: the count is kept with optimistic concurrency (the row's version), so two wrong passwords sent
    /// at once are both counted (the loser of the race reads the new count and tries again) and parallel guessing gains
    /// nothing. A sign-in that loses the race <see cref="MaxAttempts"/> times is refused: refusing is always safe.
    /// </remarks>
    public async Task<SignInResult> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var row = await PersonRows.LoadAsync(database, username, cancellationToken);
            var now = clock.GetUtcNow();
            if (row is not { Person: var person })
            {
                _ = hasher.VerifyHashedPassword(null!, UnknownPersonHash.Value, password);
                return new SignInResult(SignInOutcome.Refused, null);
            }

            if (person.IsLockedOut(now))
            {
                return new SignInResult(SignInOutcome.Refused, null);
            }

            var verified = hasher.VerifyHashedPassword(person, person.PasswordHash, password) != PasswordVerificationResult.Failed;
            var updated = verified ? person.AfterSuccessfulSignIn() : person.AfterFailedAttempt(now);
            if (updated != person && !await PersonRows.UpdateLockoutAsync(database, updated, row.Version, cancellationToken))
            {
                continue;
            }

            return verified ? new SignInResult(SignInOutcome.SignedIn, updated) : new SignInResult(SignInOutcome.Refused, null);
        }

        return new SignInResult(SignInOutcome.Refused, null);
    }
}
