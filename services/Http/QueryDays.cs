namespace Crm.Http;

/// <summary>
/// Days given in a query (from, to, as-of): a day a store could mean, 1900 to 2199. A far day is not a
/// question anyone asks, and its start in a store's time zone, or the day after it, leaves the calendar.
/// </summary>
public static class QueryDays
{
    public static readonly DateOnly First = new(1900, 1, 1);
    public static readonly DateOnly Last = new(2199, 12, 31);

    public static void Check(DateOnly? day, string field, FieldErrors errors)
    {
        if (day is { } d && (d < First || d > Last)) errors.Add(field, $"A day from {First:yyyy-MM-dd} to {Last:yyyy-MM-dd}.");
    }
}
