using Marten;
using Platform.Contracts.CostSharing;
using Platform.Messaging;

namespace Platform.MemberDirectory;

/// <summary>
/// One member directory for the services that need no more of a city than its name and whether it has joined
/// (evaluation, communication): the document, the two handlers that keep it and the two read endpoints.
/// Services that keep more per city (the fund's accounts, trust's records) have their own member models.
/// </summary>
public static class MemberDirectoryRegistration
{
    /// <summary>Keeps the directory from cost-sharing's member events; the service must subscribe to its topic.</summary>
    public static MessagingBuilder HandleMemberEvents(this MessagingBuilder messaging) => messaging
        .Handle<MemberJoined, MemberJoinedHandler>()
        .Handle<MemberUpdated, MemberUpdatedHandler>();

    public static StoreOptions AddMemberDirectory(this StoreOptions options)
    {
        options.Schema.For<MemberCity>().Identity(m => m.CityId);
        return options;
    }
}
