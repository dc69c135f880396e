namespace Crm.Followups.Domain;

/// <summary>This service's copy of a store, with its follow-up settings (domain.md §4).</summary>
public sealed class StoreCopy
{
    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string TimeZone { get; private set; } = "";
    /// <summary>Days after registration that the first follow-up is due.</summary>
    public int FirstFollowUpDays { get; private set; } = 2;

    public static StoreCopy From(StoreOpened opened) => new()
    {
        Id = opened.StoreId,
        Code = opened.Code,
        TimeZone = opened.TimeZone,
    };

    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
}
