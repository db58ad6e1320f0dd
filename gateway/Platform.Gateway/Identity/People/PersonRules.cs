using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Identity.People;

/// <summary>The same rule as for machine clients: a city officer names their city, an evaluator their evaluator id, nobody else either.</summary>
public static class PersonRules
{
    public static IEnumerable<string> Problems(string username, string role, string? cityId, string? evaluatorId)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            yield return "A person needs a username.";
        }

        if (!PlatformRoles.All.Contains(role))
        {
            yield return $"Role '{role}' is not one of {string.Join(", ", PlatformRoles.All)}.";
        }

        if ((role == PlatformRoles.City) != !string.IsNullOrWhiteSpace(cityId))
        {
            yield return "A city id is required for role 'city' and allowed for no other role.";
        }

        if ((role == PlatformRoles.Evaluator) != !string.IsNullOrWhiteSpace(evaluatorId))
        {
            yield return "An evaluator id is required for role 'evaluator' and allowed for no other role.";
        }
    }
}
