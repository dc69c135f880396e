namespace Crm.Customers.Tests.Domain;

public sealed class CustomerNumberTests
{
    [Theory]
    [InlineData("SH01", 2026, 123, "SH01-2026-000123")]
    [InlineData("SH01", 2026, 1, "SH01-2026-000001")]
    [InlineData("BJ12", 2027, 999_999, "BJ12-2027-999999")]
    public void Is_store_code_year_and_six_digit_sequence(string store, int year, int sequence, string expected) =>
        Assert.Equal(expected, CustomerNumber.Format(store, year, sequence));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(123, 2)]
    [InlineData(200, 2)]
    [InlineData(201, 3)]
    public void Archive_bag_holds_one_hundred_files(int sequence, int bag) =>
        Assert.Equal(bag, CustomerNumber.ArchiveBag(sequence));

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000)]
    public void A_sequence_outside_six_digits_is_refused(int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerNumber.Format("SH01", 2026, sequence));

    [Fact]
    public void The_year_is_the_stores_local_year()
    {
        var store = Store.Open("SH01", "徐汇店", "上海", "Asia/Shanghai", DateTimeOffset.UtcNow);
        // 16:30 UTC on 31 December is 00:30 on 1 January in Shanghai.
        var newYearsEveUtc = new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero);

        var customer = Customer.Register(store, 7, new CustomerRegistration(CustomerSource.WalkIn, "张三", "+8613800138000", BasicInfo.Empty), "u1", "王芳", newYearsEveUtc);

        Assert.Equal("SH01-2027-000007", customer.CustomerNo);
        Assert.Equal(1, customer.ArchiveBag);
        Assert.Equal(new DateOnly(2027, 1, 1), customer.RegisteredOn);
    }
}
