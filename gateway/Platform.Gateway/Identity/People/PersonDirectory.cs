using Marten;
using Microsoft.AspNetCore.Identity;

namespace Platform.Gateway.Identity.People;

public enum SignInOutcome
{
    SignedIn,
    Refused,
}

public sealed record SignInResult(SignInOutcome Outcome, Person? Person);

/// <summary>The people the platform keeps, in the gateway's own Marten schema; checks passwords and keeps the lockout count.</summary>
public sealed class PersonDirectory(IDocumentStore store, IPasswordHasher<Person> hasher, TimeProvider clock)
{
    /// <summary>An unknown username is checked against this hash, so the answer's delay does not tell who exists.</summary>
    private static readonly Lazy<string> UnknownPersonHash =
        new(() => new PasswordHasher<Person>().HashPassword(null!, Guid.NewGuid().ToString("N")));

    public async Task<Person?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Person>(username, cancellationToken);
    }

    /// <summary>Adds the person unless someone has the username already; true when added.</summary>
    public async Task<bool> AddAsync(string username, string displayName, string password, string role, string? cityId, string? evaluatorId,
        CancellationToken cancellationToken)
    {
        var problems = PersonRules.Problems(username, role, cityId, evaluatorId).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(role));
        }

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<Person>(username, cancellationToken) is not null)
        {
            return false;
        }

        var person = new Person { Id = username, DisplayName = displayName, PasswordHash = "", Role = role, CityId = cityId, EvaluatorId = evaluatorId };
        session.Insert(person with { PasswordHash = hasher.HashPassword(person, password) });
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    /// <remarks>
    /// Implementation note: the count is kept with optimistic concurrency, so two wrong passwords sent at once are
    /// both counted (the loser of the race reads the new count and tries again) and parallel guessing gains nothing.
    /// </remarks>
    public async Task<SignInResult> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var person = await session.LoadAsync<Person>(username, cancellationToken);
            var now = clock.GetUtcNow();
            if (person is null)
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
            if (updated != person)
            {
                session.Update(updated);
                try
                {
                    await session.SaveChangesAsync(cancellationToken);
                }
                catch (JasperFx.ConcurrencyException) when (attempt < 5)
                {
                    continue;
                }
            }

            return verified ? new SignInResult(SignInOutcome.SignedIn, updated) : new SignInResult(SignInOutcome.Refused, null);
        }
    }
}
