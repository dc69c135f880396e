namespace Crm.Dispatch.Handlers;

/// <summary>Adds a designer to a store's roster, with the next roster number, and announces them.</summary>
public sealed class AddDesigner(DispatchDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock)
{
    public sealed record Command(Guid StoreId, string Name, DesignerLevel Level, bool ChargesDesignFee, IReadOnlyList<string> Styles, string? Notes);

    public async Task<Outcome<DesignerOnDay>> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        // A store opened a moment ago may not have reached dispatch yet; one that is not there is a field error.
        if (await db.StoreMissingAsync(arrivals, command.StoreId, cancellationToken) is { Kind: ViolationKind.NotYetArrived } arriving) return arriving;

        return await db.InStoreAsync<DesignerOnDay>(command.StoreId, Violation.Invalid("storeId", "No store with that id."), async store =>
        {
            var now = clock.GetUtcNow();
            var designer = Designer.Join(store.Id, command.Name, command.Level, command.ChargesDesignFee, command.Styles, command.Notes);
            // Under the store's lock, so that two designers joining at once get different numbers.
            var rosterNumber = await db.Designers.CountAsync(d => d.StoreId == store.Id, cancellationToken) + 1;
            db.Designers.Add(designer);
            db.DesignerHistory.Add(DesignerHistory.Record(designer, "Joined", designer.Describe(), null, scope.ActorName, now));
            db.Publish(designer.ToJoinedEvent(rosterNumber), clock);
            return new DesignerOnDay(designer, store.LocalDate(now), OnDutyToday: true);
        }, cancellationToken);
    }
}
