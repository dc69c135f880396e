namespace Crm.Contracts.Consumers;

/// <summary>A staff account the gateway opened: the contract service can tell who may receive forms.</summary>
public sealed class StaffAccountOpenedConsumer(ContractDbContext db, TimeProvider clock) : StaffOpenedConsumer<ContractDbContext>(db, clock);

/// <summary>A staff account renamed, disabled or enabled again.</summary>
public sealed class StaffAccountChangedConsumer(ContractDbContext db, TimeProvider clock) : StaffChangedConsumer<ContractDbContext>(db, clock);
