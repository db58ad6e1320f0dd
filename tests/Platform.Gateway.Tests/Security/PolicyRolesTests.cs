using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Platform.Gateway.Security;
using Platform.Gateway.Tests.Support;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Tests.Security;

/// <summary>
/// The roles each policy admits, as the OpenAPI documents state them (<see cref="AuthorizationDocumentation.AllowedRoles"/>):
/// the access matrix the end-to-end security suite is generated from.
/// </summary>
public sealed class PolicyRolesTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Theory]
    [InlineData(PlatformPolicies.AnyRole, "city coordinator evaluator finance auditor")]
    [InlineData(PlatformPolicies.Coordinator, "coordinator")]
    [InlineData(PlatformPolicies.AllianceReader, "coordinator evaluator finance auditor")]
    [InlineData(GatewayPolicies.Writer, "city coordinator evaluator finance")]
    public async Task DerivesTheRolesAPolicyAdmits(string policyName, string roles)
    {
        var provider = gateway.Services.GetRequiredService<IAuthorizationPolicyProvider>();

        var policy = await provider.GetPolicyAsync(policyName);

        Assert.Equal(roles.Split(' '), AuthorizationDocumentation.AllowedRoles(policy!));
    }

    [Fact]
    public void AdmitsEveryRoleUnderTheFallbackPolicy()
    {
        var policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

        Assert.Equal(PlatformRoles.All, AuthorizationDocumentation.AllowedRoles(policy));
    }

    [Fact]
    public void ReadsTheCityIdClaimAsTheCityRole()
    {
        var policy = new AuthorizationPolicyBuilder().RequireClaim(PlatformClaims.CityId).Build();

        Assert.Equal([PlatformRoles.City], AuthorizationDocumentation.AllowedRoles(policy));
    }

    [Fact]
    public void StatesNoRolesForARequirementItCannotRead()
    {
        var policy = new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();

        Assert.Null(AuthorizationDocumentation.AllowedRoles(policy));
    }
}
