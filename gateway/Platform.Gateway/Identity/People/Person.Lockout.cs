namespace Platform.Gateway.Identity.People;

/// <summary>
/// Lockout (OWASP Authentication Cheat Sheet, "Account Lockout"): the fifth wrong password in a row locks the account
/// for fifteen minutes; while locked, even the right password is refused; a successful sign-in clears the count.
/// </summary>
public static class Lockout
{
    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    public static bool IsLockedOut(this Person person, DateTimeOffset now) => person.LockedOutUntil > now;

    /// <remarks>
    /// Implementation note: the count restarts when a lockout is set, so the next five attempts after it expires are
    /// counted afresh rather than locking again at the first mistake.
    /// </remarks>
    public static Person AfterFailedAttempt(this Person person, DateTimeOffset now)
    {
        var failures = person.FailedAttempts + 1;
        return failures >= MaxFailedAttempts
            ? person with { FailedAttempts = 0, LockedOutUntil = now + Duration }
            : person with { FailedAttempts = failures };
    }

    public static Person AfterSuccessfulSignIn(this Person person) =>
        person with { FailedAttempts = 0, LockedOutUntil = null };
}
