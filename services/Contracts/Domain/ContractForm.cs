namespace Crm.Contracts.Domain;

/// <summary>A numbered paper contract form (合同文本) in a store's custody.</summary>
public sealed class ContractForm
{
    public string Serial { get; private set; } = "";
    public Guid StoreId { get; private set; }
    public FormState State { get; private set; }
    public Guid? HolderId { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>A form received into the store's stock.</summary>
    public static ContractForm Receive(Guid storeId, string serial, DateTimeOffset now) => new()
    {
        Serial = serial,
        StoreId = storeId,
        State = FormState.InStock,
        ReceivedAt = now,
    };
}
