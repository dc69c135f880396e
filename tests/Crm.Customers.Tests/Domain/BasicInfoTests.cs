namespace Crm.Customers.Tests.Domain;

/// <summary>Basic information: its rules, the completeness rate and the change log's field-by-field comparison (§1).</summary>
public sealed class BasicInfoTests
{
    private static readonly BasicInfo Full = new()
    {
        OtherContact = "微信 zhangsan",
        Address = "上海市徐汇区漕溪北路1号",
        Family = new Family(4, 1, 1),
        IncomeBand = IncomeBand.From500KTo1M,
        Preferences = new Preferences(["现代简约", "北欧"], 300000m),
        House = new House("绿地小区", "3号楼1201", 128.5m, "3室2厅", HouseKind.OffPlan, new DateOnly(2027, 6, 30)),
    };

    [Fact]
    public void Completeness_is_filled_basic_fields_over_all_basic_fields()
    {
        Assert.Equal(15, BasicFields.Count);
        Assert.Equal(1m, Customers.Registered(info: Full).Completeness);
        // Name and phone only: 2 of 15.
        Assert.Equal(0.1333m, Customers.Registered().Completeness);
        // Name, phone, address, family size and house kind: 5 of 15.
        var some = new BasicInfo { Address = "徐汇区", Family = new Family(3, null, null), House = new House(null, null, null, null, HouseKind.New, null) };
        Assert.Equal(0.3333m, Customers.Registered(info: some).Completeness);
    }

    [Fact]
    public void A_change_lists_every_field_that_differs_with_its_old_and_new_value()
    {
        var customer = Customers.Registered(info: Full);
        var moved = Full with
        {
            House = Full.House! with { Kind = HouseKind.New, DeliveryDate = null },
            Preferences = Full.Preferences! with { Budget = 350000m },
        };

        var changes = customer.Change("张三", "+8613900139000", moved, null, "客户更正", "u2", "李明", Customers.RegisteredAt.AddDays(5));

        Assert.Equal(
            [("phone", "+8613800138000", "+8613900139000"), ("preferences.budget", "300000", "350000"), ("house.kind", "OffPlan", "New"), ("house.deliveryDate", "2027-06-30", null)],
            changes.Select(c => (c.Field, c.Before, c.After)));
        Assert.All(changes, c => Assert.Equal(("客户更正", "u2", "李明"), (c.Reason, c.ChangedBy, c.ChangedByName)));
        Assert.Equal("+8613900139000", customer.Phone);
        Assert.Equal(HouseKind.New, customer.Info.House!.Kind);
    }

    [Fact]
    public void Clearing_a_field_is_a_change_to_nothing_and_lowers_the_rate()
    {
        var customer = Customers.Registered(info: Full);

        var changes = customer.Change("张三", "+8613800138000", Full with { OtherContact = null }, null, "客户要求删除", "u2", "李明", Customers.RegisteredAt);

        Assert.Equal([("otherContact", "微信 zhangsan", (string?)null)], changes.Select(c => (c.Field, c.Before, c.After)));
        Assert.Equal(0.9333m, customer.Completeness);
    }

    public static TheoryData<BasicInfo, string> Broken => new()
    {
        { new BasicInfo { Family = new Family(0, null, null) }, "family.size" },
        { new BasicInfo { Family = new Family(2, 2, 1) }, "family.size" },
        { new BasicInfo { Family = new Family(3, -1, null) }, "family.elderly" },
        { new BasicInfo { Family = new Family(3, null, -1) }, "family.children" },
        { new BasicInfo { Preferences = new Preferences(null, 0m) }, "preferences.budget" },
        { new BasicInfo { Preferences = new Preferences(null, 1.001m) }, "preferences.budget" },
        { new BasicInfo { Preferences = new Preferences([""], null) }, "preferences.styles" },
        { new BasicInfo { Preferences = new Preferences(Enumerable.Range(0, 11).Select(i => $"风格{i}").ToList(), null) }, "preferences.styles" },
        { new BasicInfo { House = new House(null, null, 0m, null, null, null) }, "house.areaM2" },
        { new BasicInfo { House = new House(null, null, 10001m, null, null, null) }, "house.areaM2" },
        { new BasicInfo { House = new House(null, null, null, null, HouseKind.OffPlan, null) }, "house.deliveryDate" },
        { new BasicInfo { House = new House(null, null, null, null, HouseKind.New, new DateOnly(2027, 1, 1)) }, "house.deliveryDate" },
        { new BasicInfo { House = new House(new string('x', 101), null, null, null, null, null) }, "house.community" },
        { new BasicInfo { Address = new string('x', 201) }, "address" },
        { new BasicInfo { OtherContact = new string('x', 101) }, "otherContact" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_rule_names_its_field(BasicInfo info, string field)
    {
        var errors = new FieldErrors();
        BasicInfoRules.Check(info, errors);
        Assert.Equal([field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Full_information_breaks_no_rule()
    {
        var errors = new FieldErrors();
        BasicInfoRules.Check(Full, errors);
        Assert.False(errors.Any);
    }
}
