namespace Crm.Customers.Consumers;

/// <summary>The staff copy: who may be named a customer's home consultant.</summary>
public sealed class StaffAccountOpenedConsumer(CustomerDbContext db, TimeProvider clock) : StaffOpenedConsumer<CustomerDbContext>(db, clock);

/// <summary>A staff account renamed, moved, disabled or enabled again.</summary>
public sealed class StaffAccountChangedConsumer(CustomerDbContext db, TimeProvider clock) : StaffChangedConsumer<CustomerDbContext>(db, clock);
