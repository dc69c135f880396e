using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Messaging;

/// <summary>
/// Wakes the relay once a unit of work that wrote outbox rows has committed, whether by a plain
/// SaveChanges or by an explicit transaction: the relay of the shard it was written on. Scoped: one per DbContext.
/// </summary>
public sealed class OutboxWakeUpInterceptor(OutboxSignal signal, ShardRoute route) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _outboxWritten;

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteOutboxRows(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteOutboxRows(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Wake();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Wake();
        return Task.CompletedTask;
    }

    private void NoteOutboxRows(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
            _outboxWritten = true;
    }

    private void WakeIfCommitted(DbContext? context)
    {
        // Inside an explicit transaction nothing is visible yet: TransactionCommitted wakes the relay then.
        if (context?.Database.CurrentTransaction is null) Wake();
    }

    private void Wake()
    {
        if (!_outboxWritten) return;
        _outboxWritten = false;
        signal.Notify(route.Shard);
    }
}
