namespace Crm.Contracts.Consumers;

/// <summary>Keeps the contract service's copy of the stores.</summary>
public sealed class StoreOpenedConsumer(ContractDbContext db, TimeProvider clock) : StoreCopyConsumer<ContractDbContext, StoreCopy>(db, clock);
