using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Data;

/// <summary>
/// A service's copy of a staff account, kept from the gateway's StaffAccountOpened and StaffAccountChanged
/// events: who a person is (name, role, store) when a service must name them, check them or give them work.
/// Every database shard keeps all of them: chain staff (finance) act on stores of any shard.
/// </summary>
public sealed class StaffCopy
{
    public Guid Id { get; private set; }
    public string DisplayName { get; private set; } = "";
    public string Role { get; private set; } = "";
    /// <summary>None for the chain's own staff (ChainAdmin, Marketing) and finance serving the whole chain.</summary>
    public Guid? StoreId { get; private set; }
    public Guid? DesignerId { get; private set; }
    public bool Active { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>An active member of the store's staff.</summary>
    public bool WorksIn(Guid storeId) => Active && StoreId == storeId;

    public static StaffCopy From(StaffAccountOpened opened) =>
        new StaffCopy { Id = opened.UserId }.With(opened.DisplayName, opened.Role, opened.StoreId, opened.DesignerId, opened.Active, opened.At);

    public static StaffCopy From(StaffAccountChanged changed) =>
        new StaffCopy { Id = changed.UserId }.With(changed.DisplayName, changed.Role, changed.StoreId, changed.DesignerId, changed.Active, changed.At);

    /// <summary>Applies a later announcement; an older one arriving late changes nothing.</summary>
    public void Apply(StaffAccountChanged changed)
    {
        if (changed.At < ChangedAt) return;
        With(changed.DisplayName, changed.Role, changed.StoreId, changed.DesignerId, changed.Active, changed.At);
    }

    private StaffCopy With(string displayName, string role, Guid? storeId, Guid? designerId, bool active, DateTimeOffset at)
    {
        (DisplayName, Role, StoreId, DesignerId, Active, ChangedAt) = (displayName, role, storeId, designerId, active, at);
        return this;
    }

    /// <summary>The table "Staff" of the copies, keyed by the account's id.</summary>
    public static void Configure(EntityTypeBuilder<StaffCopy> staff)
    {
        staff.ToTable("Staff");
        staff.HasKey(s => s.Id);
        staff.Property(s => s.Id).ValueGeneratedNever();
        staff.Property(s => s.DisplayName).HasMaxLength(TextLimits.Name);
        staff.Property(s => s.Role).HasMaxLength(30);
        staff.HasIndex(s => new { s.StoreId, s.Role });
    }
}

/// <summary>A service database that keeps copies of the staff accounts.</summary>
public interface IStaffCopies
{
    DbSet<StaffCopy> Staff { get; }
}

/// <summary>Keeps the copy of each staff account the gateway opens; a copy already there (a change arrived first) is left.</summary>
public abstract class StaffOpenedConsumer<TDbContext>(TDbContext db, TimeProvider clock)
    : IdempotentConsumer<StaffAccountOpened, TDbContext>(db, clock)
    where TDbContext : DbContext, IMessagingDbContext, IStaffCopies
{
    protected override bool OnEveryShard => true;

    protected override async Task HandleAsync(StaffAccountOpened message, MassTransit.ConsumeContext<StaffAccountOpened> context)
    {
        if (!await Db.Staff.AnyAsync(s => s.Id == message.UserId, context.CancellationToken)) Db.Staff.Add(StaffCopy.From(message));
    }
}

/// <summary>A staff account renamed, moved, disabled or enabled again; a change that arrives before the opening opens the copy.</summary>
public abstract class StaffChangedConsumer<TDbContext>(TDbContext db, TimeProvider clock)
    : IdempotentConsumer<StaffAccountChanged, TDbContext>(db, clock)
    where TDbContext : DbContext, IMessagingDbContext, IStaffCopies
{
    protected override bool OnEveryShard => true;

    protected override async Task HandleAsync(StaffAccountChanged message, MassTransit.ConsumeContext<StaffAccountChanged> context)
    {
        var member = await Db.Staff.FirstOrDefaultAsync(s => s.Id == message.UserId, context.CancellationToken);
        if (member is null) Db.Staff.Add(StaffCopy.From(message));
        else member.Apply(message);
    }
}
