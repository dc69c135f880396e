using System.Globalization;

namespace Crm.Data;

/// <summary>
/// A store's "day" (domain.md): registers, due dates, duty, suspensions and report periods count in the
/// store's own time zone, never in the server's.
/// </summary>
public static class StoreDays
{
    public static DateOnly LocalDate(string timeZone, DateTimeOffset instant) =>
        DateOnly.FromDateTime(ToLocal(timeZone, instant).DateTime);

    /// <summary>The store's local time of an instant, as registers print it.</summary>
    public static string LocalTime(string timeZone, DateTimeOffset instant) =>
        ToLocal(timeZone, instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The instant the store's local day begins, in UTC (as the database keeps instants).</summary>
    public static DateTimeOffset StartOf(string timeZone, DateOnly day)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a clock change starts the day at the first hour that exists.
        while (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateTimeOffset ToLocal(string timeZone, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
}
