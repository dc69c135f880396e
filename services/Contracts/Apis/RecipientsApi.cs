namespace Crm.Contracts.Apis;

/// <summary>Whom the store's forms may be passed on to today (domain.md §3, 传递): the store manager, finance, and the people authorised.</summary>
public static class RecipientsApi
{
    public enum RecipientGround { StoreManager, Finance, Authorised }

    public sealed record RecipientResponse(Guid UserId, string Name, string Role, RecipientGround Ground, DateOnly? Until);

    public static IEndpointRouteBuilder MapRecipientsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/contracts/recipients").RoutedToStoreShard<ContractDbContext>().MapGet("/", List).WithTags("Authorisations")
            .WithSummary("Who may receive the store's forms today: its store manager, finance serving it, and the people authorised; finance alone may be reported to.")
            .RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<RecipientResponse>>, ValidationProblem>> List(
        Guid? storeId, ContractDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var store = scope.StoreOr(storeId);
        if (store is null) return Problems.Invalid(new FieldErrors().Add("storeId", "The store whose forms are passed on."));
        if (!scope.Covers(store.Value)) return TypedResults.Ok<IReadOnlyList<RecipientResponse>>([]);
        var zone = await db.Stores.AsNoTracking().Where(s => s.Id == store).Select(s => s.TimeZone).FirstOrDefaultAsync(cancellationToken);
        var today = StoreDays.LocalDate(zone ?? StoreCopy.DefaultTimeZone, clock.GetUtcNow());
        var authorised = await db.Authorisations.AsNoTracking()
            .Where(a => a.StoreId == store && a.RevokedAt == null && a.Until >= today).ToListAsync(cancellationToken);
        var authorisedIds = authorised.Select(a => a.UserId).ToList();
        var staff = await db.Staff.AsNoTracking()
            .Where(s => s.Active && ((s.Role == StaffRoles.StoreManager && s.StoreId == store)
                || (s.Role == StaffRoles.Finance && (s.StoreId == null || s.StoreId == store)) || authorisedIds.Contains(s.Id)))
            .OrderBy(s => s.Role).ThenBy(s => s.DisplayName).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RecipientResponse>>(staff.ConvertAll(s => s switch
        {
            { Role: StaffRoles.StoreManager } when s.StoreId == store => new RecipientResponse(s.Id, s.DisplayName, s.Role, RecipientGround.StoreManager, null),
            { Role: StaffRoles.Finance } => new RecipientResponse(s.Id, s.DisplayName, s.Role, RecipientGround.Finance, null),
            _ => new RecipientResponse(s.Id, s.DisplayName, s.Role, RecipientGround.Authorised, authorised.Where(a => a.UserId == s.Id).Max(a => a.Until)),
        }));
    }
}
