namespace Crm.Gateway.Consumers;

/// <summary>Keeps the gateway's copy of the stores, to check staff accounts against.</summary>
public sealed class StoreOpenedConsumer(GatewayDbContext db, TimeProvider clock) : StoreCopyConsumer<GatewayDbContext, StoreCopy>(db, clock);
