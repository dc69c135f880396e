namespace Crm.Contracts.Domain;

/// <summary>This service's copy of a store, kept from StoreOpened events.</summary>
public sealed class StoreCopy
{
    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string TimeZone { get; private set; } = "";

    public static StoreCopy From(StoreOpened opened) => new()
    {
        Id = opened.StoreId,
        Code = opened.Code,
        TimeZone = opened.TimeZone,
    };
}
