namespace Crm.Dispatch.Domain;

/// <summary>This service's copy of a store, kept from StoreOpened events.</summary>
public sealed class StoreCopy
{
    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string TimeZone { get; private set; } = "";
    /// <summary>How many dispatches the store has made: each takes the next number, under the store's lock.</summary>
    public long DispatchCount { get; private set; }

    public static StoreCopy From(StoreOpened opened) => new()
    {
        Id = opened.StoreId,
        Code = opened.Code,
        Name = opened.Name,
        TimeZone = opened.TimeZone,
    };

    public long NextDispatch() => ++DispatchCount;

    /// <summary>The store's local calendar day at an instant: duty, suspensions and the assignment date filter count in it.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
}
