namespace Crm.Dispatch.Handlers;

/// <summary>
/// Changes a store's dispatch settings: each value given replaces the current one, the whole is checked, and a
/// change is kept in the settings' history. Nothing changed, nothing recorded: the settings keep who changed them last.
/// </summary>
public sealed class ChangeSettings(DispatchDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock)
{
    public async Task<Outcome<DispatchSettings>> HandleAsync(Guid storeId, SettingsRequest request, CancellationToken cancellationToken)
    {
        if (await db.StoreMissingAsync(arrivals, storeId, cancellationToken) is { } missing) return missing;

        return await db.InStoreAsync<DispatchSettings>(storeId, Violation.NotFound("store"), async store =>
        {
            var settings = await db.Settings.FirstOrDefaultAsync(s => s.StoreId == storeId, cancellationToken);
            if (settings is null) db.Settings.Add(settings = DispatchSettings.Defaults(storeId));
            var values = request.Over(settings.Values);
            var errors = new FieldErrors();
            request.CheckReadOnly(storeId, SettingsResponse.From(settings), errors);
            values.Check(errors);
            if (errors.Any) return Violation.Invalid(errors);
            var now = clock.GetUtcNow();
            if (SettingsChange.Between(storeId, settings.Values, values, scope.ActorName, now) is { } change)
            {
                db.SettingsChanges.Add(change);
                settings.Change(values, scope.ActorName, now);
            }
            return settings;
        }, cancellationToken);
    }
}
