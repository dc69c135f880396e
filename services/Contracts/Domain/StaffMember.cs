namespace Crm.Contracts.Domain;

/// <summary>The contract service's copy of a staff account, fed by the gateway's announcements.</summary>
public sealed class StaffMember
{
    public Guid Id { get; private set; }
    public string DisplayName { get; private set; } = "";
    public string Role { get; private set; } = "";
    /// <summary>None for the chain's own staff (ChainAdmin, Marketing) and finance serving the whole chain.</summary>
    public Guid? StoreId { get; private set; }
    public Guid? DesignerId { get; private set; }
    public bool Active { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    public static StaffMember From(StaffAccountChanged changed) => new StaffMember { Id = changed.UserId }.With(changed.DisplayName, changed.Role, changed.StoreId, changed.DesignerId, changed.Active, changed.At);

    public static StaffMember From(StaffAccountOpened opened) => new StaffMember { Id = opened.UserId }.With(opened.DisplayName, opened.Role, opened.StoreId, opened.DesignerId, opened.Active, opened.At);

    /// <summary>Applies a later announcement; an older one arriving late changes nothing.</summary>
    public void Apply(StaffAccountChanged changed)
    {
        if (changed.At < ChangedAt) return;
        With(changed.DisplayName, changed.Role, changed.StoreId, changed.DesignerId, changed.Active, changed.At);
    }

    public Person AsPerson() => new(Id, DisplayName);

    private StaffMember With(string displayName, string role, Guid? storeId, Guid? designerId, bool active, DateTimeOffset at)
    {
        (DisplayName, Role, StoreId, DesignerId, Active, ChangedAt) = (displayName, role, storeId, designerId, active, at);
        return this;
    }
}
