using Communication.Api.Domain.Warnings;
using Marten;
using Platform.ServiceDefaults.Errors;

namespace Communication.Api.Features.Warnings;

/// <summary>
/// The warnings an Update or Cancel replaces: by id (JSON) or by CAP <c>references</c> (sender, identifier). Each must exist, be
/// the same sender's, and not be replaced already; an Alert replaces nothing.
/// </summary>
public sealed record WarningReferences(string MsgType, IReadOnlyList<Guid> Ids, IReadOnlyList<(string Sender, string Identifier)> Cap)
{
    public static WarningReferences ById(string msgType, IReadOnlyList<Guid>? ids) => new(msgType, ids ?? [], []);

    public static WarningReferences FromCap(string msgType, IReadOnlyList<(string Sender, string Identifier)> pairs) => new(msgType, [], pairs);

    public async Task<(IReadOnlyList<Warning> Replaced, IResult? Problem)> ResolveAsync(IQuerySession session, string senderCityId, CancellationToken cancellationToken)
    {
        if (MsgType == MsgTypes.Alert)
        {
            return ([], null);
        }

        var found = new List<Warning>();
        foreach (var id in Ids)
        {
            if (await session.LoadAsync<Warning>(id, cancellationToken) is { } warning)
            {
                found.Add(warning);
            }
            else
            {
                return ([], Problems.Unprocessable("Unknown reference", $"No warning {id} to {MsgType.ToLowerInvariant()}."));
            }
        }

        foreach (var (sender, identifier) in Cap)
        {
            var warning = await session.Query<Warning>().FirstOrDefaultAsync(w => w.Identifier == identifier && w.Cap.Sender == sender, cancellationToken);
            if (warning is null)
            {
                return ([], Problems.Unprocessable("Unknown reference", $"No warning '{identifier}' from '{sender}' to {MsgType.ToLowerInvariant()}."));
            }

            found.Add(warning);
        }

        if (found.FirstOrDefault(w => w.SenderCityId != senderCityId) is { } foreign)
        {
            return ([], Problems.Forbidden($"Warning {foreign.Id} was issued by {foreign.SenderCityId}; only its sender may update or cancel it."));
        }

        if (found.FirstOrDefault(w => w.ReplacedBy is not null) is { } replaced)
        {
            return ([], Problems.Conflict("Already replaced", $"Warning {replaced.Id} was already replaced by {replaced.ReplacedBy} ({replaced.ReplacedByMsgType})."));
        }

        return ([.. found.DistinctBy(w => w.Id)], null);
    }
}
