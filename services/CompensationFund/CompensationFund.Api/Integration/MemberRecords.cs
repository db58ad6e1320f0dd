using CompensationFund.Api.Domain.Members;
using Marten;
using Platform.Messaging.Inbox;

namespace CompensationFund.Api.Integration;

/// <summary>
/// Loads and saves the fund's member record for the handlers that change it (joined, updated, tier changed, graded).
/// Several handlers change one record, and with two replicas they run at once: the record is versioned (optimistic
/// concurrency), a new one is inserted and a known one updated against the version it was loaded at, so a concurrent
/// write makes this one fail with a version conflict, which the inbox retries with a fresh load (docs/messaging.md).
/// </summary>
public static class MemberRecords
{
    public static async Task<(FundMember Member, bool Known)> LoadAsync(IDocumentSession session, string cityId, CancellationToken cancellationToken) =>
        await session.LoadAsync<FundMember>(cityId, cancellationToken) is { } member ? (member, true) : (FundMember.Unknown(cityId), false);

    public static void Save(IDocumentSession session, FundMember member, bool known)
    {
        if (known)
        {
            session.Update(member);
        }
        else
        {
            session.Insert(member);
        }
    }

    /// <summary>
    /// "Not yet" when any of <paramref name="cityIds"/> has not joined the fund: the message is parked and applied once
    /// their <c>MemberJoined</c> has opened their accounts, instead of failing into the dead-letter topic.
    /// </summary>
    public static async Task<Dictionary<string, FundMember>> RequireJoinedAsync(
        IDocumentSession session, IEnumerable<string> cityIds, string what, CancellationToken cancellationToken)
    {
        var wanted = cityIds.Distinct(StringComparer.Ordinal).ToArray();
        var joined = (await session.LoadManyAsync<FundMember>(cancellationToken, wanted)).Where(m => m.JoinedAt is not null).ToDictionary(m => m.CityId);
        var missing = wanted.Where(c => !joined.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new MessageNotReadyException($"{what} waits for {string.Join(", ", missing)} to join the fund");
        }

        return joined;
    }
}
