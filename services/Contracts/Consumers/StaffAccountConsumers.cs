using MassTransit;

namespace Crm.Contracts.Consumers;

/// <summary>A staff account the gateway opened: the contract service can tell who may receive forms.</summary>
public sealed class StaffAccountOpenedConsumer(ContractDbContext db, TimeProvider clock)
    : IdempotentConsumer<StaffAccountOpened, ContractDbContext>(db, clock)
{
    protected override async Task HandleAsync(StaffAccountOpened message, ConsumeContext<StaffAccountOpened> context)
    {
        if (!await Db.Staff.AnyAsync(s => s.Id == message.UserId, context.CancellationToken)) Db.Staff.Add(StaffMember.From(message));
    }
}

/// <summary>A staff account renamed, disabled or enabled again; a change that arrives before the opening opens the copy.</summary>
public sealed class StaffAccountChangedConsumer(ContractDbContext db, TimeProvider clock)
    : IdempotentConsumer<StaffAccountChanged, ContractDbContext>(db, clock)
{
    protected override async Task HandleAsync(StaffAccountChanged message, ConsumeContext<StaffAccountChanged> context)
    {
        var member = await Db.Staff.FirstOrDefaultAsync(s => s.Id == message.UserId, context.CancellationToken);
        if (member is null) Db.Staff.Add(StaffMember.From(message));
        else member.Apply(message);
    }
}
