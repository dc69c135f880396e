namespace Crm.Dispatch.Apis;

/// <summary>A store's dispatch settings (domain.md §2): read by store staff, changed by the store manager.</summary>
public static class SettingsApi
{
    public sealed record SettingsRequest(
        bool? AutoDispatch, int? HoldingCap, int? StalledProposalCount, int? StalledProposalDays, int? RefusalSuspensionDays,
        int? RemovalRefusals, int? RemovalWindowDays, decimal? BigOrderBudget, decimal? BigOrderArea, int? BigOrderMinLevel,
        Guid? StoreId = null, DateTimeOffset? UpdatedAt = null, string? UpdatedBy = null)
    {
        /// <summary>
        /// What GET answered may be sent back unchanged: the read-only fields are accepted when they match the
        /// settings as they are, and refused when they would change them.
        /// </summary>
        public void CheckReadOnly(Guid storeId, SettingsResponse current, FieldErrors errors)
        {
            const string readOnly = "Read-only: send it back as it was read, or leave it out.";
            if (StoreId is { } store && store != storeId) errors.Add("storeId", readOnly + " The store is the one in the path.");
            if (UpdatedAt is { } at && at != current.UpdatedAt) errors.Add("updatedAt", readOnly);
            if (UpdatedBy is { } by && by != current.UpdatedBy) errors.Add("updatedBy", readOnly);
        }

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
        settings.MapGet("/{storeId:guid}", Get).WithSummary("The store's dispatch settings.").RequireRoles(StaffRoles.StoreStaff);
        settings.MapPut("/{storeId:guid}", Change).WithSummary("Changes the store's dispatch settings; what GET answered may be sent back as it is.").RequireRoles(StaffRoles.ChainAdmin, StaffRoles.StoreManager);
        settings.MapGet("/{storeId:guid}/history", History).WithSummary("Every change of the store's settings.").RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    private static async Task<Results<Ok<SettingsResponse>, ProblemHttpResult>> Get(Guid storeId, DispatchDbContext db, Arrivals arrivals, CancellationToken cancellationToken)
    {
        if (await db.StoreProblemAsync(arrivals, storeId, cancellationToken) is { } missing) return missing;
        return TypedResults.Ok(SettingsResponse.From(await db.SettingsAsync(storeId, cancellationToken)));
    }

    public sealed record SettingsChangeResponse(string Changes, string By, DateTimeOffset At);

    private static async Task<Results<Ok<IReadOnlyList<SettingsChangeResponse>>, ProblemHttpResult>> History(Guid storeId, DispatchDbContext db, Arrivals arrivals, CancellationToken cancellationToken)
    {
        if (await db.StoreProblemAsync(arrivals, storeId, cancellationToken) is { } missing) return missing;
        var changes = await db.SettingsChanges.AsNoTracking().Where(c => c.StoreId == storeId).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SettingsChangeResponse>>(changes.ConvertAll(c => new SettingsChangeResponse(c.Changes, c.By, c.At)));
    }

    private static async Task<Results<Ok<SettingsResponse>, ValidationProblem, ProblemHttpResult>> Change(
        Guid storeId, SettingsRequest request, DispatchDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.StoreProblemAsync(arrivals, storeId, cancellationToken) is { } missing) return missing;
        return await StoreTransaction.RunAsync<Results<Ok<SettingsResponse>, ValidationProblem, ProblemHttpResult>>(
            db, storeId, Problems.NotFound("store"), cancellationToken, async store =>
            {
                var settings = await db.Settings.FirstOrDefaultAsync(s => s.StoreId == storeId, cancellationToken);
                if (settings is null) db.Settings.Add(settings = DispatchSettings.Defaults(storeId));
                var values = request.Over(settings.Values);
                var errors = new FieldErrors();
                request.CheckReadOnly(storeId, SettingsResponse.From(settings), errors);
                values.Check(errors);
                if (errors.Any) return Problems.Invalid(errors);
                // Nothing changed, nothing recorded: the settings keep who changed them last and when.
                if (SettingsChange.Between(storeId, settings.Values, values, scope.ActorName, clock.GetUtcNow()) is { } change)
                {
                    db.SettingsChanges.Add(change);
                    settings.Change(values, scope.ActorName, clock.GetUtcNow());
                }
                return TypedResults.Ok(SettingsResponse.From(settings));
            });
    }
}
