namespace Crm.Dispatch.Consumers;

/// <summary>Keeps dispatch's copy of the stores; a store's settings are the defaults until its manager changes them.</summary>
public sealed class StoreOpenedConsumer(DispatchDbContext db, TimeProvider clock) : StoreCopyConsumer<DispatchDbContext, DispatchStore>(db, clock);
