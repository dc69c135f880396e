using Crm.Web.Formatting;

namespace Crm.Web.Desk;

/// <summary>
/// The instants the desk sends for days the keeper picks: a signing on today's date is now (a form issued this
/// afternoon may be signed this afternoon), another day at noon; an expected return at 18:00 of its day, or an hour from
/// now when that is already past.
/// </summary>
public static class FormDeskTimes
{
    public static DateTimeOffset? SignedAt(DateOnly? day, DateTimeOffset now, StoreFormat store) =>
        day is not { } d ? null : d == store.DayOf(now) ? now : store.At(d, new TimeOnly(12, 0));

    public static DateTimeOffset? ExpectedReturnAt(DateOnly? day, DateTimeOffset now, StoreFormat store)
    {
        if (day is not { } d) return null;
        var evening = store.At(d, new TimeOnly(18, 0));
        return evening > now ? evening : now.AddHours(1);
    }
}
