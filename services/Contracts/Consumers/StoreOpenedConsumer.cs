using MassTransit;

namespace Crm.Contracts.Consumers;

/// <summary>Keeps this service's copy of the stores.</summary>
public sealed class StoreOpenedConsumer(ContractDbContext db, TimeProvider clock)
    : IdempotentConsumer<StoreOpened, ContractDbContext>(db, clock)
{
    protected override async Task HandleAsync(StoreOpened message, ConsumeContext<StoreOpened> context)
    {
        if (await Db.Stores.AnyAsync(s => s.Id == message.StoreId, context.CancellationToken)) return;
        Db.Stores.Add(StoreCopy.From(message));
    }
}
