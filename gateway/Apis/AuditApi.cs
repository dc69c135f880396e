using System.Security.Claims;

namespace Crm.Gateway.Apis;

/// <summary>The write log: ChainAdmin reads all of it, a store manager their own store's.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/audit", List).WithSummary("The write log: who, role, store, when, from where, and the answer.").WithTags("Audit").RequireRoles(StaffRoles.ChainAdmin, StaffRoles.StoreManager);
        return routes;
    }

    public sealed record AuditResponse(
        long Id, DateTimeOffset At, string? UserId, string? Username, string? Role, Guid? StoreId, string Method, string Path, int Status, string? RemoteAddress, string? TraceId)
    {
        public static AuditResponse From(AuditEntry e) => new(e.Id, e.At, e.UserId, e.Username, e.Role, e.StoreId, e.Method, e.Path, e.Status, e.RemoteAddress, e.TraceId);
    }

    private static async Task<Results<Ok<ListPage<AuditResponse>>, ValidationProblem>> List(
        Guid? storeId, string? userId, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, ClaimsPrincipal caller, GatewayDbContext db)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);

        var query = db.Audit.AsNoTracking();
        if (caller.FindFirstValue(StaffClaims.Role) != StaffRoles.ChainAdmin)
        {
            var own = Guid.TryParse(caller.FindFirstValue(StaffClaims.StoreId), out var s) ? s : Guid.Empty;
            query = query.Where(e => e.StoreId == own);
        }
        if (storeId is not null) query = query.Where(e => e.StoreId == storeId);
        if (userId is not null) query = query.Where(e => e.UserId == userId);
        // An instant with an offset (…+08:00) is compared as the same instant in UTC, as the database keeps it.
        if (from?.ToUniversalTime() is { } since) query = query.Where(e => e.At >= since);
        if (to?.ToUniversalTime() is { } until) query = query.Where(e => e.At < until);
        var total = await query.LongCountAsync();
        var items = await query.OrderByDescending(e => e.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync();
        return TypedResults.Ok(new ListPage<AuditResponse>(items.ConvertAll(AuditResponse.From), paging.Page, paging.PageSize, total));
    }
}
