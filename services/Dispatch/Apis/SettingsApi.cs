namespace Crm.Dispatch.Apis;

/// <summary>A store's dispatch settings (domain.md §2): read by store staff, changed by the store manager.</summary>
public static class SettingsApi
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder routes)
    {
        var settings = routes.MapGroup("/api/dispatch/settings").WithTags("Settings").RoutedToStoreShard<DispatchDbContext>();
        settings.MapGet("/{storeId:guid}", Get).WithSummary("The store's dispatch settings.").RequireRoles(StaffRoles.StoreStaff);
        settings.MapPut("/{storeId:guid}", Change).WithSummary("Changes the store's dispatch settings; what GET answered may be sent back as it is.").RequireRoles(StaffRoles.ChainAdmin, StaffRoles.StoreManager);
        settings.MapGet("/{storeId:guid}/history", History).WithSummary("Every change of the store's settings.").RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    private static async Task<Results<Ok<SettingsResponse>, ProblemHttpResult>> Get(Guid storeId, DispatchDbContext db, Arrivals arrivals, CancellationToken cancellationToken)
    {
        if (await db.StoreMissingAsync(arrivals, storeId, cancellationToken) is { } missing) return Problems.Refused(missing);
        return TypedResults.Ok(SettingsResponse.From(await db.SettingsAsync(storeId, cancellationToken)));
    }

    public sealed record SettingsChangeResponse(string Changes, string By, DateTimeOffset At);

    private static async Task<Results<Ok<IReadOnlyList<SettingsChangeResponse>>, ProblemHttpResult>> History(Guid storeId, DispatchDbContext db, Arrivals arrivals, CancellationToken cancellationToken)
    {
        if (await db.StoreMissingAsync(arrivals, storeId, cancellationToken) is { } missing) return Problems.Refused(missing);
        var changes = await db.SettingsChanges.AsNoTracking().Where(c => c.StoreId == storeId).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SettingsChangeResponse>>(changes.ConvertAll(c => new SettingsChangeResponse(c.Changes, c.By, c.At)));
    }

    private static Task<Results<Ok<SettingsResponse>, ValidationProblem, ProblemHttpResult>> Change(
        Guid storeId, SettingsRequest request, ChangeSettings change, CancellationToken cancellationToken) =>
        change.HandleAsync(storeId, request, cancellationToken).AnswerAsync(settings => TypedResults.Ok(SettingsResponse.From(settings)));
}
