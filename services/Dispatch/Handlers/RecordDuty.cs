namespace Crm.Dispatch.Handlers;

/// <summary>
/// Records the morning meeting's attendance of a designer on a day. Recording what is already recorded changes
/// nothing; a change is kept in the designer's history and announced (the morning meeting's attendance).
/// </summary>
public sealed class RecordDuty(DispatchDbContext db, StoreScope scope, TimeProvider clock)
{
    public sealed record Command(Guid DesignerId, DateOnly Day, bool OnDuty);

    public async Task<Outcome<DesignerDuty>> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        var found = await db.Designers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == command.DesignerId, cancellationToken);
        if (found is null) return Violation.NotFound("designer");

        return await db.InStoreAsync<DesignerDuty>(found.StoreId, Violation.NotFound("designer"), async store =>
        {
            var now = clock.GetUtcNow();
            var designer = await db.Designers.SingleAsync(d => d.Id == command.DesignerId, cancellationToken);
            var record = await db.Duties.FirstOrDefaultAsync(d => d.DesignerId == designer.Id && d.Day == command.Day, cancellationToken);
            if (record is null) db.Duties.Add(record = DesignerDuty.Record(designer, command.Day, command.OnDuty, scope.ActorName, now));
            else if (record.OnDuty != command.OnDuty) record.Change(command.OnDuty, scope.ActorName, now);
            else return record;
            db.DesignerHistory.Add(DesignerHistory.Record(designer, "Duty", $"{(record.OnDuty ? "on duty" : "off duty")} on {record.Day:yyyy-MM-dd}", null, scope.ActorName, now));
            db.Publish(new DutyRecorded
            {
                StoreId = designer.StoreId, DesignerId = designer.Id, DesignerName = designer.Name, Day = record.Day, OnDuty = record.OnDuty,
                RecordedBy = scope.ActorName, RecordedAt = now,
            }, clock);
            return record;
        }, cancellationToken);
    }
}
