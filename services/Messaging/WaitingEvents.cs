namespace Crm.Messaging;

/// <summary>
/// Keeps the events whose record has not arrived yet, and applies them when it does. A child and its parent arriving
/// at once are ordered by a lock on the parent's key for the rest of their transactions: either the parent is
/// saved first and the child finds it, or the child is kept first and the parent finds it waiting.
/// </summary>
public sealed class WaitingEvents<TDbContext>(TDbContext db, IServiceProvider services, TimeProvider clock)
    where TDbContext : DbContext
{
    /// <summary>The parent record, or null when it has not arrived: the message is then kept under its key.</summary>
    public async Task<T?> ParentOrWaitAsync<T>(string key, object message, Func<CancellationToken, Task<T?>> find, CancellationToken cancellationToken)
        where T : class
    {
        await LockAsync(key, cancellationToken);
        var parent = await find(cancellationToken);
        if (parent is null) db.Set<WaitingEvent>().Add(WaitingEvent.For(key, message, clock.GetUtcNow()));
        return parent;
    }

    /// <summary>Saves the parent record just added, then applies the events that waited for it, in the order they arrived.</summary>
    public async Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        await LockAsync(key, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var waiting = await db.Set<WaitingEvent>().Where(w => w.WaitsFor == key).OrderBy(w => w.Id).ToListAsync(cancellationToken);
        foreach (var row in waiting)
        {
            db.Set<WaitingEvent>().Remove(row);
            var (type, message) = row.Read();
            var applierType = typeof(IEventApplier<>).MakeGenericType(type);
            var applier = services.GetRequiredService(applierType);
            await (Task)applierType.GetMethod(nameof(IEventApplier<object>.ApplyAsync))!.Invoke(applier, [message, cancellationToken])!;
            // Saved one by one: the next one's queries read what this one wrote (a milestone, then the dispatch that credits it).
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private Task LockAsync(string key, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
}

public static class WaitingEventsRegistration
{
    /// <summary>The waiting events of a service's database; its model adds the table with <see cref="MessagingModel.AddWaitingEvents"/>.</summary>
    public static IServiceCollection AddWaitingEvents<TDbContext>(this IServiceCollection services) where TDbContext : DbContext =>
        services.AddScoped<WaitingEvents<TDbContext>>();

    /// <summary>Adds a consumer that is also how a waiting event of its kind is applied when released.</summary>
    public static void AddApplyingConsumer<TConsumer, TMessage>(this IBusRegistrationConfigurator bus, IServiceCollection services)
        where TConsumer : class, IConsumer<TMessage>, IEventApplier<TMessage>
        where TMessage : class
    {
        bus.AddConsumer<TConsumer>();
        services.AddScoped<IEventApplier<TMessage>>(sp => sp.GetRequiredService<TConsumer>());
    }
}
