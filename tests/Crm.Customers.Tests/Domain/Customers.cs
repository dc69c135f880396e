namespace Crm.Customers.Tests.Domain;

/// <summary>Customers and milestones for domain tests, at fixed times.</summary>
internal static class Customers
{
    public static readonly DateTimeOffset RegisteredAt = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    public static readonly Store Store = Store.Open("SH01", "徐汇店", "上海", null, RegisteredAt.AddYears(-1));

    public static Customer Registered(CustomerSource source = CustomerSource.WalkIn, BasicInfo? info = null) =>
        Customer.Register(Store, 1, new CustomerRegistration(source, "张三", "+8613800138000", info ?? BasicInfo.Empty), "u1", "王芳", RegisteredAt);

    /// <summary>Records each milestone a day after the one before; fails the test if one is refused.</summary>
    public static Customer With(this Customer customer, params MilestoneType[] types)
    {
        foreach (var type in types) customer.Record(type, customer.Milestones.Count + 1);
        return customer;
    }

    public static (Milestone? Recorded, string? Refusal) Record(this Customer customer, MilestoneType type, int day)
    {
        var outcome = customer.RecordMilestone(Draft(type, RegisteredAt.AddDays(day)), "u1", "王芳", RegisteredAt.AddDays(day));
        return (outcome.Value, outcome.Violation?.Detail);
    }

    /// <summary>A draft with exactly the figures the type needs.</summary>
    public static MilestoneDraft Draft(MilestoneType type, DateTimeOffset at) => type switch
    {
        MilestoneType.DepositPaid => new(type, at, Amount: 5000m, DepositKind: DepositKind.Measurement),
        MilestoneType.DesignFeePaid => new(type, at, Amount: 8000m),
        MilestoneType.Quoted => new(type, at, Amount: 280000m),
        MilestoneType.ContractSigned => new(type, at, Amount: 260000m, AreaM2: 120m),
        MilestoneType.Lost or MilestoneType.Invalidated or MilestoneType.Reopened => new(type, at, Reason: "原因"),
        _ => new(type, at),
    };
}
