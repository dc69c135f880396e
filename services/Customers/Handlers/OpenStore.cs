namespace Crm.Customers.Handlers;

/// <summary>Opens a store of the chain under a code no other store has; every service hears of it.</summary>
public sealed class OpenStore(CustomerDbContext db, TimeProvider clock)
{
    public sealed record Command(string Code, string Name, string City, string? TimeZone);

    public async Task<Outcome<Store>> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        if (await db.Stores.AnyAsync(s => s.Code == command.Code, cancellationToken))
            return Violation.Conflict("duplicate-store-code", $"A store with code {command.Code} exists.");

        var store = Store.Open(command.Code, command.Name, command.City, command.TimeZone, clock.GetUtcNow());
        db.Stores.Add(store);
        db.Publish(store.ToOpenedEvent(), clock);
        await db.SaveChangesAsync(cancellationToken);
        return store;
    }
}
