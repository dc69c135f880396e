namespace Crm.Customers.Tests.Domain;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13800138000", "+8613800138000")]
    [InlineData("138 0013 8000", "+8613800138000")]
    [InlineData("138-0013-8000", "+8613800138000")]
    [InlineData("+86 138 0013 8000", "+8613800138000")]
    [InlineData("0086-13800138000", "+8613800138000")]
    [InlineData("021-64381234", "+862164381234")]
    [InlineData("(0755) 8765 4321", "+8675587654321")]
    [InlineData("+852 9123 4567", "+85291234567")]
    public void Is_normalised_to_E164(string raw, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(raw, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12")]
    [InlineData("12800138000")]
    [InlineData("1380013800")]
    [InlineData("138001380001")]
    [InlineData("021-1234")]
    [InlineData("not a number")]
    public void Rejects_what_is_not_a_phone_number(string? raw) =>
        Assert.False(PhoneNumber.TryNormalize(raw, out _));
}
