namespace Crm.Followups.Handlers;

/// <summary>
/// Runs the time-based task rules for a store on one of its local days, once: the day's <see cref="RuleRun"/> row
/// is written in the same transaction as the tasks, so a second instance waits on its key and then finds the
/// day done. An operator may run a past day again (<c>force</c>): only tasks not yet made are made.
/// </summary>
public sealed class RunTaskRules(FollowupDbContext db, TimeProvider clock)
{
    private static readonly FollowUpTaskKind[] RuleKinds = [FollowUpTaskKind.KeyAttention, FollowUpTaskKind.KeyFollowUp];

    /// <summary>How many tasks the day's rules made; null when the day had already run.</summary>
    public Task<int?> RunAsync(Guid storeId, DateOnly day, bool force, CancellationToken cancellationToken) =>
        db.InTransactionAsync<int?>(async () =>
        {
            var now = clock.GetUtcNow();
            var claimed = await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "RuleRuns" ("StoreId", "Day", "RanAt", "TasksMade") VALUES ({storeId}, {day}, {now}, 0) ON CONFLICT DO NOTHING""", cancellationToken);
            if (claimed == 0 && !force) return null;

            // A pre-filter in the database; the rules themselves decide (TaskRules), on the exact calendar.
            var before = day.AddMonths(-TaskRules.StaleMonths);
            var candidates = await db.Customers.Where(c => c.StoreId == storeId && c.RegisteredOn < before && c.SignedAt == null
                && c.Stage != CustomerStage.Lost && c.Stage != CustomerStage.Invalidated).ToListAsync(cancellationToken);
            var ids = candidates.ConvertAll(c => c.Id);
            var existing = (await db.Tasks.Where(t => ids.Contains(t.CustomerId) && RuleKinds.Contains(t.Kind)).Select(t => new { t.CustomerId, t.Kind }).ToListAsync(cancellationToken))
                .ToLookup(t => t.CustomerId, t => t.Kind);
            var made = candidates.SelectMany(c => StaleCustomerTasks.For(c, existing[c.Id].ToList(), day, now)).ToList();
            db.Tasks.AddRange(made);
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE "RuleRuns" SET "RanAt" = {now}, "TasksMade" = "TasksMade" + {made.Count} WHERE "StoreId" = {storeId} AND "Day" = {day}""", cancellationToken);
            return made.Count;
        }, cancellationToken);
}
