using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Data;

/// <summary>
/// A service's copy of a store, kept from the customer service's StoreOpened events: enough to check a
/// store exists, name it and count its days. A service that keeps more about a store derives from it.
/// </summary>
public class StoreCopy
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string TimeZone { get; private set; } = DefaultTimeZone;

    /// <summary>A copy of the store as announced.</summary>
    public static T From<T>(StoreOpened opened) where T : StoreCopy, new()
    {
        var store = new T();
        (store.Id, store.Code, store.Name, store.TimeZone) = (opened.StoreId, opened.Code, opened.Name, opened.TimeZone);
        return store;
    }

    public DateOnly LocalDate(DateTimeOffset instant) => StoreDays.LocalDate(TimeZone, instant);

    public string LocalTime(DateTimeOffset instant) => StoreDays.LocalTime(TimeZone, instant);

    /// <summary>The table "Stores" of the copies, keyed by the store's id.</summary>
    public static void Configure<T>(EntityTypeBuilder<T> store) where T : StoreCopy
    {
        store.ToTable("Stores");
        store.HasKey(s => s.Id);
        store.Property(s => s.Id).ValueGeneratedNever();
        store.Property(s => s.Code).HasMaxLength(10);
        store.Property(s => s.Name).HasMaxLength(100);
        store.Property(s => s.TimeZone).HasMaxLength(50);
    }
}

/// <summary>A service database that keeps copies of the stores.</summary>
public interface IStoreCopies<TStore> where TStore : StoreCopy
{
    DbSet<TStore> Stores { get; }
}

/// <summary>Keeps the service's copy of each store that opens; a copy already there is left as it is.</summary>
public abstract class StoreCopyConsumer<TDbContext, TStore>(TDbContext db, TimeProvider clock)
    : IdempotentConsumer<StoreOpened, TDbContext>(db, clock)
    where TDbContext : DbContext, IMessagingDbContext, IStoreCopies<TStore>
    where TStore : StoreCopy, new()
{
    protected override async Task HandleAsync(StoreOpened message, MassTransit.ConsumeContext<StoreOpened> context)
    {
        if (await Db.Stores.AnyAsync(s => s.Id == message.StoreId, context.CancellationToken)) return;
        Db.Stores.Add(StoreCopy.From<TStore>(message));
    }
}
