namespace Crm.Followups.Handlers;

/// <summary>A follow-up record of the customer completes an open task, which then links it.</summary>
public sealed class CompleteTask(FollowupDbContext db, TimeProvider clock)
{
    public async Task<Outcome<FollowUpTask>> HandleAsync(Guid taskId, Guid followUpId, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null) return Violation.NotFound("follow-up task");
        var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == followUpId, cancellationToken);
        if (record is null) return Violation.Invalid("followUpId", "No follow-up record with that id.");
        if (task.Complete(record, clock.GetUtcNow()) is { } refused) return refused;
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }
}
