using static Crm.Messages.MilestoneType;

namespace Crm.Customers.Tests.Domain;

/// <summary>Who records which milestone (domain.md §6).</summary>
public sealed class MilestonePermissionsTests
{
    public static TheoryData<string, MilestoneType, bool> Cases => new()
    {
        { "Designer", Measured, true },
        { "Designer", DrawingsIssued, true },
        { "Designer", Quoted, true },
        { "Designer", MilestoneType.ContractSigned, true },
        { "Designer", DepositPaid, false },
        { "Designer", DesignFeePaid, false },
        { "Designer", Reviewed, false },
        { "Designer", Lost, false },
        { "Designer", Invalidated, false },
        { "CustomerManager", DepositPaid, true },
        { "CustomerManager", Lost, true },
        { "CustomerManager", Reviewed, false },
        { "StoreManager", Reviewed, true },
        { "ChainAdmin", Reviewed, true },
        { "StoreManager", ConstructionStarted, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_role_records_the_milestones_of_the_handbook(string role, MilestoneType type, bool allowed)
    {
        var refusal = MilestonePermissions.Refusal(role, type);
        Assert.Equal(allowed, refusal is null);
        if (refusal is not null) Assert.Equal(ViolationKind.Forbidden, refusal.Kind);
    }

    [Fact]
    public void A_designer_is_told_which_milestones_are_theirs()
    {
        Assert.Equal("A designer records only Measured, DrawingsIssued, Quoted, ContractSigned of their own customers.",
            MilestonePermissions.Refusal("Designer", DepositPaid)!.Detail);
    }
}
