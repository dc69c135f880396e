using Crm.Web.Formatting;

namespace Crm.Web.Tests;

public sealed class StoreFormatTests
{
    [Fact]
    public void Times_are_shown_in_the_store_time_zone() =>
        Assert.Equal("2026-11-29 09:05", StoreFormat.Shanghai.Time(new DateTimeOffset(2026, 11, 29, 1, 5, 0, TimeSpan.Zero)));

    [Fact]
    public void An_unknown_time_zone_falls_back_to_shanghai() =>
        Assert.Equal("2026-11-29 08:00", StoreFormat.For("Mars/Olympus").Time(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData(1234567.5, "¥1,234,567.50")]
    [InlineData(0, "¥0.00")]
    [InlineData(-20, "¥-20.00")]
    public void Money_is_in_yuan_with_thousands_separators(decimal yuan, string shown) =>
        Assert.Equal(shown, StoreFormat.Money(yuan));

    [Theory]
    [InlineData("13800138000", "138 0013 8000")]
    [InlineData("+8613800138000", "138 0013 8000")]
    [InlineData("+12025550123", "+12025550123")]
    [InlineData("138****8000", "138 **** 8000")]
    [InlineData("021-64001234", "021-64001234")]
    [InlineData(null, "")]
    public void Mobile_numbers_are_grouped_three_four_four(string? phone, string shown) =>
        Assert.Equal(shown, StoreFormat.Phone(phone));
}
