using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Crm.Data;

/// <summary>
/// Sends each request of a group to the database shard of the store it concerns, before its handler runs. A store's
/// staff are on their store's shard already (<see cref="ShardRoute"/>). A caller of the whole chain is sent to the
/// store the request names (a "storeId" in the route, the query or the body), else to the store of the record its
/// route's "id" names, found shard by shard. A request that names no store stays at home: a list of the whole chain
/// goes over every shard itself (<see cref="ShardFanOut"/>). With one database, nothing happens.
/// </summary>
public static class StoreShardRouting
{
    /// <summary>The store of the record with the id, on the shard the context is on (null when it is not there).</summary>
    public delegate Task<Guid?> StoreOfRecord<in TDbContext>(TDbContext db, Guid id, CancellationToken cancellationToken);

    public static RouteGroupBuilder RoutedToStoreShard<TDbContext>(this RouteGroupBuilder group, StoreOfRecord<TDbContext>? storeOfId = null, string idName = "id")
        where TDbContext : DbContext =>
        group.AddEndpointFilter(new StoreShardFilter<TDbContext>(storeOfId, idName));

    private sealed class StoreShardFilter<TDbContext>(StoreOfRecord<TDbContext>? storeOfId, string idName) : IEndpointFilter
        where TDbContext : DbContext
    {
        private static readonly ConcurrentDictionary<Type, PropertyInfo?> StoreProperties = new();

        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            var route = http.RequestServices.GetRequiredService<ShardRoute>();
            if (route.Shards.Single) return await next(context);
            var scope = http.RequestServices.GetRequiredService<StoreScope>();
            if (!scope.AllStores && scope.StoreId != Guid.Empty) return route.Moving ? Problems.Moving() : await next(context);

            var db = http.RequestServices.GetRequiredService<TDbContext>();
            var store = NamedStore(context);
            if (store is null && storeOfId is not null && Guid.TryParse(http.Request.RouteValues[idName]?.ToString(), out var id))
                store = await LocateAsync(db, route, id, http.RequestAborted);
            if (store is { } named)
            {
                try { await route.UseStoreAsync(db, named, http.RequestAborted); }
                catch (StoreMovingException) { return Problems.Moving(); }
                // A store no service placed is unknown: the handler answers so from home.
                catch (StoreNotPlacedException) { route.Use(db, DatabaseShards.Home); }
            }
            return await next(context);
        }

        private async Task<Guid?> LocateAsync(TDbContext db, ShardRoute route, Guid id, CancellationToken cancellationToken)
        {
            foreach (var shard in route.Shards.Names)
            {
                route.Use(db, shard);
                if (await storeOfId!(db, id, cancellationToken) is { } store) return store;
            }
            route.Use(db, DatabaseShards.Home);
            return null;
        }

        private static Guid? NamedStore(EndpointFilterInvocationContext context)
        {
            var request = context.HttpContext.Request;
            if (Guid.TryParse(request.RouteValues["storeId"]?.ToString(), out var inRoute)) return inRoute;
            if (Guid.TryParse(request.Query["storeId"].ToString(), out var inQuery)) return inQuery;
            foreach (var argument in context.Arguments)
            {
                if (argument is null) continue;
                var property = StoreProperties.GetOrAdd(argument.GetType(), type =>
                    type.GetProperty("StoreId") is { } p && (p.PropertyType == typeof(Guid) || p.PropertyType == typeof(Guid?)) ? p : null);
                if (property?.GetValue(argument) is Guid inBody && inBody != Guid.Empty) return inBody;
            }
            return null;
        }
    }
}

/// <summary>Reads of the whole chain: the same query on every shard, one after the other, the answers put together.</summary>
public static class ShardFanOut
{
    public static async Task<List<T>> OnEveryShardAsync<TDbContext, T>(this TDbContext db, ShardRoute route, Func<TDbContext, Task<List<T>>> query)
        where TDbContext : DbContext
    {
        if (route.Shards.Single) return await query(db);
        var all = new List<T>();
        foreach (var shard in route.Shards.Names)
        {
            route.Use(db, shard);
            all.AddRange(await query(db));
        }
        return all;
    }

    /// <summary>
    /// Whether a read covers the whole chain: a caller of the whole chain who names no store. Every other read is of one
    /// store, whose shard the request is on already.
    /// </summary>
    public static bool CoversChain(StoreScope scope, Guid? namedStore) => namedStore is null && scope.AllStores;

    /// <summary>The query on the request's shard, or on every shard when the read covers the whole chain.</summary>
    public static Task<List<T>> OnEveryShardIfChainAsync<TDbContext, T>(this TDbContext db, ShardRoute route, StoreScope scope, Guid? namedStore, Func<TDbContext, Task<List<T>>> query)
        where TDbContext : DbContext =>
        CoversChain(scope, namedStore) ? db.OnEveryShardAsync(route, query) : query(db);

    /// <summary>The page on the request's shard, or cut from every shard's when the read covers the whole chain.</summary>
    public static async Task<(List<T> Items, long Total)> PageOnEveryShardIfChainAsync<TDbContext, T>(
        this TDbContext db, ShardRoute route, StoreScope scope, Guid? namedStore, Func<TDbContext, IQueryable<T>> query,
        Func<IQueryable<T>, IOrderedQueryable<T>> order, PageRequest paging, CancellationToken cancellationToken)
        where TDbContext : DbContext
    {
        if (CoversChain(scope, namedStore)) return await db.PageOnEveryShardAsync(route, query, order, paging, cancellationToken);
        var rows = query(db);
        return (await order(rows).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken), await rows.LongCountAsync(cancellationToken));
    }

    /// <summary>
    /// One page of a list over the whole chain: each shard gives its first (skip + take) rows in the list's order, and
    /// the page is cut from them all in the same order; the total adds the shards' counts.
    /// </summary>
    public static async Task<(List<T> Items, long Total)> PageOnEveryShardAsync<TDbContext, T>(
        this TDbContext db, ShardRoute route, Func<TDbContext, IQueryable<T>> query, Func<IQueryable<T>, IOrderedQueryable<T>> order,
        PageRequest paging, CancellationToken cancellationToken)
        where TDbContext : DbContext
    {
        if (route.Shards.Single)
        {
            var rows = query(db);
            return (await order(rows).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken), await rows.LongCountAsync(cancellationToken));
        }
        var firsts = new List<T>();
        long total = 0;
        foreach (var shard in route.Shards.Names)
        {
            route.Use(db, shard);
            var rows = query(db);
            total += await rows.LongCountAsync(cancellationToken);
            firsts.AddRange(await order(rows).Take(paging.Skip + paging.PageSize).ToListAsync(cancellationToken));
        }
        return ([.. order(firsts.AsQueryable()).Skip(paging.Skip).Take(paging.PageSize)], total);
    }

    public static async Task<long> SumOnEveryShardAsync<TDbContext>(this TDbContext db, ShardRoute route, Func<TDbContext, Task<long>> query)
        where TDbContext : DbContext
    {
        if (route.Shards.Single) return await query(db);
        long sum = 0;
        foreach (var shard in route.Shards.Names)
        {
            route.Use(db, shard);
            sum += await query(db);
        }
        return sum;
    }
}
