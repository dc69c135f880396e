namespace Crm.Dispatch.Apis;

/// <summary>A store's dispatch settings (domain.md §2): read by store staff, changed by the store manager.</summary>
public static class SettingsApi
{
    public sealed record SettingsRequest(
        bool? AutoDispatch, int? HoldingCap, int? StalledProposalCount, int? StalledProposalDays, int? RefusalSuspensionDays,
        int? RemovalRefusals, int? RemovalWindowDays, decimal? BigOrderBudget, decimal? BigOrderArea, int? BigOrderMinLevel)
    {
        /// <summary>The settings with each given value replacing the current one.</summary>
        public DispatchSettingsValues Over(DispatchSettingsValues current) => new(
            AutoDispatch ?? current.AutoDispatch, HoldingCap ?? current.HoldingCap, StalledProposalCount ?? current.StalledProposalCount,
            StalledProposalDays ?? current.StalledProposalDays, RefusalSuspensionDays ?? current.RefusalSuspensionDays,
            RemovalRefusals ?? current.RemovalRefusals, RemovalWindowDays ?? current.RemovalWindowDays, BigOrderBudget ?? current.BigOrderBudget,
            BigOrderArea ?? current.BigOrderArea, BigOrderMinLevel ?? current.BigOrderMinLevel);
    }

    /// <summary>The settings under the same names as the request, so that what is read can be written back.</summary>
    public sealed record SettingsResponse(
        Guid StoreId, bool AutoDispatch, int HoldingCap, int StalledProposalCount, int StalledProposalDays, int RefusalSuspensionDays,
        int RemovalRefusals, int RemovalWindowDays, decimal BigOrderBudget, decimal BigOrderArea, int BigOrderMinLevel,
        DateTimeOffset? UpdatedAt, string? UpdatedBy)
    {
        public static SettingsResponse From(DispatchSettings s) =>
            new(s.StoreId, s.AutoDispatch, s.HoldingCap, s.StalledProposalCount, s.StalledProposalDays, s.RefusalSuspensionDays,
                s.RemovalRefusals, s.RemovalWindowDays, s.BigOrderBudget, s.BigOrderArea, s.BigOrderMinLevel,
                s.UpdatedBy == "" ? null : s.UpdatedAt, s.UpdatedBy == "" ? null : s.UpdatedBy);
    }

    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder routes)
    {
        var settings = routes.MapGroup("/api/dispatch/settings").WithTags("Settings");
        settings.MapGet("/{storeId:guid}", Get).RequireRoles(StaffRoles.StoreStaff);
        settings.MapPut("/{storeId:guid}", Change).RequireRoles(StaffRoles.ChainAdmin, StaffRoles.StoreManager);
        settings.MapGet("/{storeId:guid}/history", History).RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    private static async Task<Results<Ok<SettingsResponse>, ProblemHttpResult>> Get(Guid storeId, DispatchDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Stores.AnyAsync(s => s.Id == storeId, cancellationToken)) return Problems.NotFound("store");
        return TypedResults.Ok(SettingsResponse.From(await db.SettingsAsync(storeId, cancellationToken)));
    }

    public sealed record SettingsChangeResponse(string Changes, string By, DateTimeOffset At);

    private static async Task<Results<Ok<IReadOnlyList<SettingsChangeResponse>>, ProblemHttpResult>> History(Guid storeId, DispatchDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Stores.AnyAsync(s => s.Id == storeId, cancellationToken)) return Problems.NotFound("store");
        var changes = await db.SettingsChanges.AsNoTracking().Where(c => c.StoreId == storeId).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SettingsChangeResponse>>(changes.ConvertAll(c => new SettingsChangeResponse(c.Changes, c.By, c.At)));
    }

    private static async Task<Results<Ok<SettingsResponse>, ValidationProblem, ProblemHttpResult>> Change(
        Guid storeId, SettingsRequest request, DispatchDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        return await StoreTransaction.RunAsync<Results<Ok<SettingsResponse>, ValidationProblem, ProblemHttpResult>>(
            db, storeId, Problems.NotFound("store"), cancellationToken, async store =>
            {
                var settings = await db.Settings.FirstOrDefaultAsync(s => s.StoreId == storeId, cancellationToken);
                if (settings is null) db.Settings.Add(settings = DispatchSettings.Defaults(storeId));
                var values = request.Over(settings.Values);
                var errors = new FieldErrors();
                values.Check(errors);
                if (errors.Any) return Problems.Invalid(errors);
                if (SettingsChange.Between(storeId, settings.Values, values, scope.ActorName, clock.GetUtcNow()) is { } change) db.SettingsChanges.Add(change);
                settings.Change(values, scope.ActorName, clock.GetUtcNow());
                return TypedResults.Ok(SettingsResponse.From(settings));
            });
    }
}
