namespace Crm.Dispatch.Domain;

/// <summary>An interior designer on a store's roster.</summary>
public sealed class Designer
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string Name { get; private set; } = "";
    public DesignerLevel Level { get; private set; }
    public bool ChargesDesignFee { get; private set; }
    public List<string> Styles { get; private set; } = [];
    public DesignerStatus Status { get; private set; }
    /// <summary>When the designer was last offered a customer: rotation serves whoever waited longest.</summary>
    public DateTimeOffset? LastDispatchedAt { get; private set; }

    public static Designer Join(Guid storeId, string name, DesignerLevel level, bool chargesDesignFee, IEnumerable<string> styles) => new()
    {
        Id = Guid.CreateVersion7(),
        StoreId = storeId,
        Name = name,
        Level = level,
        ChargesDesignFee = chargesDesignFee,
        Styles = styles.ToList(),
        Status = DesignerStatus.Active,
    };

    public void RecordDispatch(DateTimeOffset at) => LastDispatchedAt = at;
}
