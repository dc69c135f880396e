using MassTransit;

namespace Crm.Partners.Consumers;

/// <summary>Keeps a copy of each store with its city, which leads are routed by.</summary>
public sealed class StoreOpenedConsumer(PartnerDbContext db, TimeProvider clock) : IdempotentConsumer<StoreOpened, PartnerDbContext>(db, clock)
{
    protected override async Task HandleAsync(StoreOpened message, ConsumeContext<StoreOpened> context)
    {
        if (await Db.Stores.AnyAsync(s => s.Id == message.StoreId, context.CancellationToken)) return;
        Db.Stores.Add(PartnerStore.From(message));
    }
}
