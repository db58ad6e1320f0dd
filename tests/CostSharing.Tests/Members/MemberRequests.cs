namespace CostSharing.Tests.Members;

internal static class MemberRequests
{
    public static object Valid(string cityId, long population = 1_000_000, decimal gdp = 123_456_789.12m) => new
    {
        cityId,
        name = "测试市 " + cityId,
        province = "浙江省",
        population,
        gdpCny = gdp,
        contact = new { name = "Li Wei", email = $"office@{cityId}.gov.cn", phone = "+86 571 0000 0000" },
    };
}
