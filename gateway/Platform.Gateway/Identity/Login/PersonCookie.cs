namespace Platform.Gateway.Identity.Login;

/// <summary>The gateway's own session for a signed-in person: a cookie that only the sign-in page and the authorize endpoint read.</summary>
public static class PersonCookie
{
    public const string Scheme = "platform-person";
    public const string Name = "platform.identity";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
}
