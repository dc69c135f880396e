using System.Globalization;

namespace Crm.Customers.Reports;

/// <summary>A register's period: one store-local day, or one month (the monthly archive of the daily registers).</summary>
public sealed record RegisterPeriod(DateOnly From, DateOnly To, string Label)
{
    public static RegisterPeriod? Read(DateOnly? date, string? month, FieldErrors errors)
    {
        if (date is not null && month is not null)
        {
            errors.Add("month", "Give a date or a month, not both.");
            return null;
        }
        if (date is { } day) return new RegisterPeriod(day, day, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (month is null)
        {
            errors.Add("date", "Give the day (date=2026-11-27) or the month (month=2026-11) of the register.");
            return null;
        }
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            errors.Add("month", "A month is written yyyy-MM, e.g. 2026-11.");
            return null;
        }
        return new RegisterPeriod(first, first.AddMonths(1).AddDays(-1), month);
    }
}
