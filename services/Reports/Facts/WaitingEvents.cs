using Microsoft.Extensions.DependencyInjection;

namespace Crm.Reports.Facts;

/// <summary>
/// Keeps the events whose fact has not arrived yet, and applies them when it does. A child and its parent arriving
/// at once are ordered by a lock on the parent's key for the rest of their transactions: either the parent is
/// saved first and the child finds it, or the child is kept first and the parent finds it waiting.
/// </summary>
public sealed class WaitingEvents(ReportDbContext db, IServiceProvider services, TimeProvider clock)
{
    /// <summary>The parent fact, or null when it has not arrived: the message is then kept under its key.</summary>
    public async Task<T?> ParentOrWaitAsync<T>(string key, object message, Func<CancellationToken, Task<T?>> find, CancellationToken cancellationToken)
        where T : class
    {
        await LockAsync(key, cancellationToken);
        var parent = await find(cancellationToken);
        if (parent is null) db.WaitingEvents.Add(WaitingEvent.For(key, message, clock.GetUtcNow()));
        return parent;
    }

    /// <summary>Saves the parent fact just added, then applies the events that waited for it, in the order they arrived.</summary>
    public async Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        await LockAsync(key, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var waiting = await db.WaitingEvents.Where(w => w.WaitsFor == key).OrderBy(w => w.Id).ToListAsync(cancellationToken);
        foreach (var row in waiting)
        {
            db.WaitingEvents.Remove(row);
            var (type, message) = row.Read();
            var factType = typeof(IFact<>).MakeGenericType(type);
            var fact = services.GetRequiredService(factType);
            await (Task)factType.GetMethod(nameof(IFact<object>.ApplyAsync))!.Invoke(fact, [message, cancellationToken])!;
            // Saved one by one: the next one's queries read what this one wrote (a milestone, then the dispatch that credits it).
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private Task LockAsync(string key, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
}
