using Communication.Api.Domain.Members;
using Marten;
using Platform.ServiceDefaults.Errors;

namespace Communication.Api.Features.Members;

public static class GetMember
{
    public static async Task<IResult> HandleAsync(string cityId, IQuerySession session, CancellationToken cancellationToken)
    {
        var member = await session.LoadAsync<CommunicationMember>(cityId, cancellationToken);
        return member is null
            ? Problems.NotFound($"No member city '{cityId}'.")
            : Results.Ok(MemberResponse.From(member));
    }
}
