namespace Crm.Contracts.Tests.Domain;

/// <summary>Recommended = max(0, ceil(expected × (1 + 0.2)) − in stock); expected = the last three months' average unless the manager gives a figure.</summary>
public sealed class RequisitionRecommendationTests
{
    [Theory]
    [InlineData(new[] { 10, 10, 10 }, null, 0, 12, 10.0)]
    [InlineData(new[] { 10, 10, 10 }, null, 5, 7, 10.0)]
    [InlineData(new[] { 10, 11, 12 }, null, 0, 14, 11.0)]      // ceil(13.2)
    [InlineData(new[] { 1, 2, 2 }, null, 0, 2, 1.67)]          // 5/3 × 1.2 = 2 exactly, not 3
    [InlineData(new[] { 0, 0, 1 }, null, 0, 1, 0.33)]          // ceil(0.4)
    [InlineData(new[] { 10, 10, 10 }, null, 40, 0, 10.0)]      // never negative
    [InlineData(new[] { 10, 10, 10 }, 20, 3, 21, 20.0)]        // the manager's figure wins
    [InlineData(new[] { 0, 0, 0 }, null, 0, 0, 0.0)]
    public void Recommends_as_the_handbook_computes(int[] months, int? figure, int inStock, int recommended, double expected)
    {
        var recommendation = RequisitionRecommendation.For(months, figure, inStock);

        Assert.Equal(new RequisitionRecommendation(recommended, inStock, (decimal)expected, 0.2m), recommendation);
    }
}
