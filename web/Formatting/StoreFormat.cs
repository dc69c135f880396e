using System.Globalization;

namespace Crm.Web.Formatting;

/// <summary>
/// Figures as the store writes them, whatever the language of the labels: times in the store's own time zone
/// (yyyy-MM-dd HH:mm), money in yuan with thousands separators, mobile numbers grouped 3-4-4.
/// </summary>
public sealed class StoreFormat(TimeZoneInfo zone)
{
    private static readonly CultureInfo China = CultureInfo.GetCultureInfo("zh-CN");

    public static readonly StoreFormat Shanghai = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    public static StoreFormat For(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? new StoreFormat(zone) : Shanghai;

    public string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string? Time(DateTimeOffset? at) => at is { } value ? Time(value) : null;

    /// <summary>The store's calendar day now.</summary>
    public DateOnly Today => DayOf(DateTimeOffset.UtcNow);

    /// <summary>The store's calendar day at an instant.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>A day and an hour on the store's clock, as an instant.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(decimal? yuan) => yuan is { } value ? "¥" + value.ToString("#,##0.00", China) : "";

    /// <summary>A Chinese mobile number (as the API keeps it, +86…, or masked) as 3-4-4; anything else as it is.</summary>
    public static string Phone(string? phone)
    {
        var national = phone is { Length: 14 } && phone.StartsWith("+86", StringComparison.Ordinal) ? phone[3..] : phone;
        return national is { Length: 11 } p && p.All(c => char.IsDigit(c) || c == '*') ? $"{p[..3]} {p[3..7]} {p[7..]}" : phone ?? "";
    }
}
