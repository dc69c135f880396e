using MassTransit;
using Microsoft.Extensions.Options;

namespace Crm.Dispatch.Consumers;

/// <summary>Keeps this service's copy of the stores with default settings (and, in a demo, gives a new store its designers).</summary>
public sealed class StoreOpenedConsumer(DispatchDbContext db, TimeProvider clock, IOptions<DemoRosterOptions> demo)
    : IdempotentConsumer<StoreOpened, DispatchDbContext>(db, clock)
{
    protected override async Task HandleAsync(StoreOpened message, ConsumeContext<StoreOpened> context)
    {
        if (await Db.Stores.AnyAsync(s => s.Id == message.StoreId, context.CancellationToken)) return;
        var store = StoreCopy.From(message);
        Db.Stores.Add(store);
        Db.Settings.Add(DispatchSettings.Defaults(store.Id));
        if (!demo.Value.Demo) return;
        var number = 0;
        foreach (var designer in DemoRoster.For(store))
        {
            Db.Designers.Add(designer);
            Db.Publish(designer.ToJoinedEvent(++number), Clock);
        }
    }
}
