namespace Crm.Contracts.Tests.Domain;

/// <summary>Forms brought to each point of their custody, at fixed times, for domain tests.</summary>
internal static class Forms
{
    public static readonly Guid Store = Guid.Parse("01900000-0000-7000-8000-000000000001");
    public static readonly Guid Customer = Guid.Parse("01900000-0000-7000-8000-000000000002");
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    public static readonly Person CustomerManager = new(Guid.Parse("01900000-0000-7000-8000-0000000000c1"), "王芳");
    public static readonly Person Designer = new(Guid.Parse("01900000-0000-7000-8000-0000000000d1"), "李明");
    public static readonly Person StoreManager = new(Guid.Parse("01900000-0000-7000-8000-0000000000a1"), "陈静");
    public static readonly Person Finance = new(Guid.Parse("01900000-0000-7000-8000-0000000000f1"), "赵会计");

    public static ContractForm InStock() => ContractForm.Receive(Store, "SH01-000001", CustomerManager, T0).Form;

    public static ContractForm Issued() => Done(InStock(), f => f.Issue(Designer, Customer, CustomerManager, T0.AddHours(1)));

    public static ContractForm Signed() => Done(Issued(), f => f.Sign(Customer, 260_000m, 120m, T0.AddHours(2), Designer, T0.AddHours(2)));

    public static ContractForm Retrieved() => Done(Signed(), f => f.Retrieve(CustomerManager, T0.AddHours(3)));

    public static ContractForm WithStoreManager() =>
        Done(Retrieved(), f => f.PassOn(StoreManager, "approval", T0.AddDays(1), CustomerManager, T0.AddHours(4)));

    public static ContractForm Approved() =>
        Done(Done(WithStoreManager(), f => f.Approve(StoreManager, null, T0.AddHours(5))), f => f.Return(StoreManager, T0.AddHours(6)));

    public static ContractForm Rejected() =>
        Done(Done(WithStoreManager(), f => f.Reject(StoreManager, "面积有误", T0.AddHours(5))), f => f.Return(StoreManager, T0.AddHours(6)));

    public static ContractForm Reported() => Done(Approved(), f => f.Report(Finance, CustomerManager, T0.AddHours(7)));

    public static ContractForm Acknowledged() => Done(Reported(), f => f.Acknowledge(Finance, T0.AddHours(8)));

    public static ContractForm Voided() => Done(InStock(), f => f.Void("印错", CustomerManager, T0.AddHours(1)));

    public static ContractForm Lost() => Done(Issued(), f => f.ReportLost("找不到", CustomerManager, T0.AddHours(2)));

    /// <summary>Makes the move; fails the test if it is refused.</summary>
    public static ContractForm Done(ContractForm form, Func<ContractForm, Outcome<CustodyEntry>> move)
    {
        var outcome = move(form);
        Assert.True(outcome.Succeeded, outcome.Violation?.Detail);
        return form;
    }
}
