using Crm.Web.Desk;
using Crm.Web.Formatting;

namespace Crm.Web.Tests;

public sealed class FormDeskTimesTests
{
    private static readonly StoreFormat Shanghai = StoreFormat.Shanghai;
    // 2026-11-29 15:30 in Shanghai.
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_signing_dated_today_is_now_so_that_a_form_issued_this_afternoon_can_be_signed() =>
        Assert.Equal(Now, FormDeskTimes.SignedAt(new DateOnly(2026, 11, 29), Now, Shanghai));

    [Fact]
    public void A_signing_dated_another_day_is_at_noon_in_the_store() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.FromHours(8)), FormDeskTimes.SignedAt(new DateOnly(2026, 11, 27), Now, Shanghai));

    [Fact]
    public void No_day_leaves_the_time_to_the_api() =>
        Assert.Equal((null, null), (FormDeskTimes.SignedAt(null, Now, Shanghai), FormDeskTimes.ExpectedReturnAt(null, Now, Shanghai)));

    [Fact]
    public void A_return_is_expected_at_six_in_the_evening_of_its_day() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.FromHours(8)), FormDeskTimes.ExpectedReturnAt(new DateOnly(2026, 11, 30), Now, Shanghai));

    [Fact]
    public void A_return_expected_today_after_six_is_an_hour_from_now()
    {
        var evening = new DateTimeOffset(2026, 11, 29, 11, 15, 0, TimeSpan.Zero); // 19:15 in Shanghai

        Assert.Equal(evening.AddHours(1), FormDeskTimes.ExpectedReturnAt(new DateOnly(2026, 11, 29), evening, Shanghai));
    }
}
