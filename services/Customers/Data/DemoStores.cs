namespace Crm.Customers.Data;

/// <summary>The development chain of api.md: stores SH01 and SH02 (their staff and designers live in other services).</summary>
internal static class DemoStores
{
    private static readonly (string Code, string Name, string City)[] Stores =
    [
        ("SH01", "上海徐汇店", "上海"),
        ("SH02", "上海浦东店", "上海"),
    ];

    public static async Task SeedAsync(CustomerDbContext db, TimeProvider clock)
    {
        foreach (var (code, name, city) in Stores)
        {
            if (await db.Stores.AnyAsync(s => s.Code == code)) continue;
            var store = Store.Open(code, name, city, null, clock.GetUtcNow());
            db.Stores.Add(store);
            db.Publish(store.ToOpenedEvent(), clock);
        }
        await db.SaveChangesAsync();
    }
}
