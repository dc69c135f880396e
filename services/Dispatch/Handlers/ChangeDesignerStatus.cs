namespace Crm.Dispatch.Handlers;

/// <summary>
/// A status move of the designer's — suspend through a day, remove, reinstate — with its rule in <see cref="Designer"/>
/// and its reason in the history. A manual suspension is announced; a refused move changes nothing.
/// </summary>
public sealed class ChangeDesignerStatus(DispatchDbContext db, StoreScope scope, TimeProvider clock)
{
    public enum Move { Suspend, Remove, Reinstate }

    public sealed record Command(Guid DesignerId, Move Move, string Reason, DateOnly? Until = null);

    public async Task<Outcome<DesignerOnDay>> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        var found = await db.Designers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == command.DesignerId, cancellationToken);
        if (found is null) return Violation.NotFound("designer");

        return await db.InStoreAsync<DesignerOnDay>(found.StoreId, Violation.NotFound("designer"), async store =>
        {
            var now = clock.GetUtcNow();
            var today = store.LocalDate(now);
            var designer = await db.Designers.SingleAsync(d => d.Id == command.DesignerId, cancellationToken);
            var refusal = command.Move switch
            {
                Move.Suspend => designer.Suspend(command.Until!.Value, today),
                Move.Remove => designer.Remove(),
                _ => designer.Reinstate(today),
            };
            if (refusal is not null) return refusal;

            var (action, details) = command.Move switch
            {
                Move.Suspend => ("Suspended", $"until {designer.SuspendedUntil:yyyy-MM-dd}"),
                Move.Remove => ("Removed", "Removed"),
                _ => ("Reinstated", "Reinstated"),
            };
            db.DesignerHistory.Add(DesignerHistory.Record(designer, action, details, command.Reason, scope.ActorName, now));
            if (command.Move == Move.Suspend)
                db.Publish(new DesignerSuspended
                {
                    StoreId = store.Id, DesignerId = designer.Id, DesignerName = designer.Name, Until = designer.SuspendedUntil!.Value, Reason = command.Reason, At = now,
                }, clock);
            return await db.OnDayAsync(designer, today, cancellationToken);
        }, cancellationToken);
    }
}
