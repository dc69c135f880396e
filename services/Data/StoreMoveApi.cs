using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Crm.Data;

/// <summary>
/// The operator's store move for one service, for ChainAdmin, through the gateway at
/// /api/operations/{service}/stores/{storeId}/move (eng/move-store runs it for every sharded service).
/// </summary>
public static class StoreMoveApi
{
    public sealed record MoveRequest(string? To);

    public sealed record PlacementResponse(Guid StoreId, string Shard, bool Moving, DateTimeOffset ChangedAt);

    public static IEndpointRouteBuilder MapStoreMove<TDbContext>(this IEndpointRouteBuilder routes, string prefix = "/operations") where TDbContext : DbContext
    {
        var stores = routes.MapGroup(prefix + "/stores/{storeId:guid}").WithTags("Operations").RequireRoles(StaffRoles.ChainAdmin);
        stores.MapPost("/move", (Guid storeId, MoveRequest request, HttpContext http) => MoveAsync<TDbContext>(storeId, request, http.RequestServices))
            .WithSummary("Moves the store's rows of this service to another database shard; run again, it finishes a move that stopped half-way.");
        stores.MapGet("/placement", Placement)
            .WithSummary("The database shard that holds the store's rows here, and whether the store is being moved.");
        return routes;
    }

    private static async Task<Results<Ok<StoreMoveResult>, ValidationProblem, ProblemHttpResult>> MoveAsync<TDbContext>(
        Guid storeId, MoveRequest request, IServiceProvider services)
        where TDbContext : DbContext
    {
        var placements = services.GetRequiredService<StorePlacements>();
        var move = new StoreMove<TDbContext>(services.GetRequiredService<TDbContext>(), placements, services.GetRequiredService<StoreMoveMessages>(),
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IConfiguration>());
        if (string.IsNullOrWhiteSpace(request.To))
            return Problems.Refused(Violation.Invalid("to", $"The shard to move the store to: one of {string.Join(", ", placements.Shards.Names)}."));
        // Not cancelled with the request: a caller that stops waiting does not leave the store half-moved.
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        await using var alone = await placements.LockAsync($"store-move:{storeId}", stopping);
        return await move.MoveAsync(storeId, request.To.Trim(), stopping).AnswerAsync(TypedResults.Ok);
    }

    private static async Task<Results<Ok<PlacementResponse>, ProblemHttpResult>> Placement(Guid storeId, StorePlacements placements, CancellationToken cancellationToken) =>
        await placements.ReadAsync(storeId, cancellationToken) is { } placement
            ? TypedResults.Ok(new PlacementResponse(placement.StoreId, placement.Shard, placement.Moving, placement.ChangedAt))
            : Problems.NotFound("store");
}
