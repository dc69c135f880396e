namespace Crm.Gateway.Domain;

/// <summary>The gateway's copy of a store, kept from StoreOpened events, to check staff accounts against.</summary>
public sealed class StoreCopy
{
    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";

    public static StoreCopy From(StoreOpened opened) => new() { Id = opened.StoreId, Code = opened.Code };
}
