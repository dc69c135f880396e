namespace Crm.Customers.Domain;

/// <summary>A store of the chain. The customer service keeps the stores and announces them.</summary>
public sealed class Store
{
    public const string DefaultTimeZone = StoreCopy.DefaultTimeZone;

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string City { get; private set; } = "";
    public string TimeZone { get; private set; } = DefaultTimeZone;
    public DateTimeOffset OpenedAt { get; private set; }

    public static Store Open(string code, string name, string city, string? timeZone, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Code = code,
        Name = name,
        City = city,
        TimeZone = timeZone ?? DefaultTimeZone,
        OpenedAt = now,
    };

    /// <summary>The store's local calendar date at an instant: registers and numbering count in it.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => StoreDays.LocalDate(TimeZone, instant);

    /// <summary>The store's local time of an instant, as the registers print it.</summary>
    public string LocalTime(DateTimeOffset instant) => StoreDays.LocalTime(TimeZone, instant);

    public StoreOpened ToOpenedEvent(string shard) => new()
    {
        Shard = shard,
        StoreId = Id,
        Code = Code,
        Name = Name,
        City = City,
        TimeZone = TimeZone,
        OpenedAt = OpenedAt,
    };
}
