namespace Crm.Followups.Consumers;

/// <summary>Keeps the follow-up service's copy of the stores, with default follow-up settings.</summary>
public sealed class StoreOpenedConsumer(FollowupDbContext db, TimeProvider clock) : StoreCopyConsumer<FollowupDbContext, FollowupStore>(db, clock);
