namespace Crm.Dispatch.Handlers;

/// <summary>Edits a designer's roster entry; a change is kept in their history, before and after.</summary>
public sealed class EditDesigner(DispatchDbContext db, StoreScope scope, TimeProvider clock)
{
    /// <summary>What is given replaces the current value; what is left out stays.</summary>
    public sealed record Command(Guid DesignerId, string? Name, DesignerLevel? Level, bool? ChargesDesignFee, IReadOnlyList<string>? Styles, string? Notes);

    public async Task<Outcome<DesignerOnDay>> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        var found = await db.Designers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == command.DesignerId, cancellationToken);
        if (found is null) return Violation.NotFound("designer");

        return await db.InStoreAsync<DesignerOnDay>(found.StoreId, Violation.NotFound("designer"), async store =>
        {
            var now = clock.GetUtcNow();
            var designer = await db.Designers.SingleAsync(d => d.Id == command.DesignerId, cancellationToken);
            var before = designer.Describe();
            designer.Edit(command.Name ?? designer.Name, command.Level ?? designer.Level, command.ChargesDesignFee ?? designer.ChargesDesignFee,
                command.Styles ?? designer.Styles, command.Notes ?? designer.Notes);
            var after = designer.Describe();
            if (before != after) db.DesignerHistory.Add(DesignerHistory.Record(designer, "Edited", $"{before} → {after}", null, scope.ActorName, now));
            return await db.OnDayAsync(designer, store.LocalDate(now), cancellationToken);
        }, cancellationToken);
    }
}
