using Evaluation.Api.Domain.Scoring;
using Xunit;

namespace Evaluation.Tests.Domain;

/// <summary>优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below; each boundary inclusive (domain.md §4.4).</summary>
public sealed class GradeTests
{
    [Theory]
    [InlineData(100, "优")]
    [InlineData(90, "优")]
    [InlineData(89.99, "良")]
    [InlineData(80, "良")]
    [InlineData(79.99, "中")]
    [InlineData(60, "中")]
    [InlineData(59.99, "差")]
    [InlineData(0, "差")]
    public void GradeBoundariesAreInclusive(double score, string grade) => Assert.Equal(grade, Grade.Of((decimal)score));
}
