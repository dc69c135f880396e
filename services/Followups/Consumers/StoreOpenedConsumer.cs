using MassTransit;

namespace Crm.Followups.Consumers;

/// <summary>Keeps this service's copy of the stores, with default follow-up settings.</summary>
public sealed class StoreOpenedConsumer(FollowupDbContext db, TimeProvider clock)
    : IdempotentConsumer<StoreOpened, FollowupDbContext>(db, clock)
{
    protected override async Task HandleAsync(StoreOpened message, ConsumeContext<StoreOpened> context)
    {
        if (await Db.Stores.AnyAsync(s => s.Id == message.StoreId, context.CancellationToken)) return;
        Db.Stores.Add(StoreCopy.From(message));
    }
}
