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

    /// <summary>The store of the record with the key (a serial), on the shard the context is on (null when it is not there).</summary>
    public delegate Task<Guid?> StoreOfKey<in TDbContext>(TDbContext db, string key, CancellationToken cancellationToken);

    /// <summary>A record a request names by its id (in the route, the query or the body), and how its store is found.</summary>
    public readonly record struct RecordLocator<TDbContext>(string IdName, StoreOfKey<TDbContext> StoreOf);

    public static RecordLocator<TDbContext> By<TDbContext>(string idName, StoreOfRecord<TDbContext> storeOf) =>
        new(idName, (db, key, ct) => Guid.TryParse(key, out var id) ? storeOf(db, id, ct) : Task.FromResult<Guid?>(null));

    /// <summary>A record named by a key that is not a Guid (a form's serial).</summary>
    public static RecordLocator<TDbContext> ByKey<TDbContext>(string keyName, StoreOfKey<TDbContext> storeOf) => new(keyName, storeOf);

    /// <summary>Routes the group's requests; the "id" in its routes names a record whose store <paramref name="storeOfId"/> finds.</summary>
    public static RouteGroupBuilder RoutedToStoreShard<TDbContext>(this RouteGroupBuilder group, StoreOfRecord<TDbContext>? storeOfId = null)
        where TDbContext : DbContext =>
        group.RoutedToStoreShard<TDbContext>(storeOfId is null ? [] : [By("id", storeOfId)]);

    /// <summary>Routes the group's requests; each locator names an id (tried in order) and how its record's store is found.</summary>
    public static RouteGroupBuilder RoutedToStoreShard<TDbContext>(this RouteGroupBuilder group, params RecordLocator<TDbContext>[] locators)
        where TDbContext : DbContext =>
        group.AddEndpointFilter(new StoreShardFilter<TDbContext>(locators));

    private sealed class StoreShardFilter<TDbContext>(RecordLocator<TDbContext>[] locators) : IEndpointFilter
        where TDbContext : DbContext
    {
        private static readonly ConcurrentDictionary<(Type, string), PropertyInfo?> Properties = new();

        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            var route = http.RequestServices.GetRequiredService<ShardRoute>();
            if (route.Shards.Single) return await next(context);
            var scope = http.RequestServices.GetRequiredService<StoreScope>();
            if (!scope.AllStores && scope.StoreId != Guid.Empty) return route.Moving ? Problems.Moving() : await next(context);

            var db = http.RequestServices.GetRequiredService<TDbContext>();
            var store = Guid.TryParse(ValueNamed(context, "storeId"), out var storeId) ? storeId : (Guid?)null;
            foreach (var locator in locators)
            {
                if (store is not null) break;
                if (ValueNamed(context, locator.IdName) is { } key) store = await LocateAsync(db, route, locator.StoreOf, key, http.RequestAborted);
            }
            if (store is { } named)
            {
                try { await route.UseStoreAsync(db, named, http.RequestAborted); }
                catch (StoreMovingException) { return Problems.Moving(); }
                // A store no service placed is unknown: the handler answers so from home.
                catch (StoreNotPlacedException) { route.Use(db, DatabaseShards.Home); }
            }
            return await next(context);
        }

        private static async Task<Guid?> LocateAsync(TDbContext db, ShardRoute route, StoreOfKey<TDbContext> storeOf, string key, CancellationToken cancellationToken)
        {
            foreach (var shard in route.Shards.Names)
            {
                route.Use(db, shard);
                if (await storeOf(db, key, cancellationToken) is { } store) return store;
            }
            route.Use(db, DatabaseShards.Home);
            return null;
        }

        /// <summary>A value the request names: in its route, its query, or a property of its body.</summary>
        private static string? ValueNamed(EndpointFilterInvocationContext context, string name)
        {
            var request = context.HttpContext.Request;
            if (request.RouteValues[name]?.ToString() is { Length: > 0 } inRoute) return inRoute;
            if (request.Query[name].ToString() is { Length: > 0 } inQuery) return inQuery;
            foreach (var argument in context.Arguments)
            {
                if (argument is null || argument is Guid || argument is string || argument.GetType().IsPrimitive) continue;
                var property = Properties.GetOrAdd((argument.GetType(), name), key =>
                    key.Item1.GetProperty(key.Item2, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } p
                    && (p.PropertyType == typeof(Guid) || p.PropertyType == typeof(Guid?) || p.PropertyType == typeof(string)) ? p : null);
                switch (property?.GetValue(argument))
                {
                    case Guid inBody when inBody != Guid.Empty: return inBody.ToString();
                    case string { Length: > 0 } text: return text;
                }
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
    /// Whether a read covers the whole chain: a caller of the whole chain (ChainAdmin; finance or marketing serving every
    /// store) who names no store. Every other read is of one store, whose shard the request is on already.
    /// </summary>
    public static bool CoversChain(StoreScope scope, Guid? namedStore) => namedStore is null && (scope.AllStores || scope.StoreId == Guid.Empty);

    /// <summary>The query on the request's shard, or on every shard when the read covers the whole chain.</summary>
    public static Task<List<T>> OnEveryShardIfChainAsync<TDbContext, T>(this TDbContext db, ShardRoute route, StoreScope scope, Guid? namedStore, Func<TDbContext, Task<List<T>>> query)
        where TDbContext : DbContext =>
        CoversChain(scope, namedStore) ? db.OnEveryShardAsync(route, query) : query(db);

    /// <summary>
    /// The page on the request's shard; when the read covers the whole chain, each shard gives its first (skip + take)
    /// rows in the list's order, the page is cut from them all in the same order, and the total adds the shards' counts.
    /// </summary>
    public static Task<(List<T> Items, long Total)> PageOnEveryShardIfChainAsync<TDbContext, T>(
        this TDbContext db, ShardRoute route, StoreScope scope, Guid? namedStore, Func<TDbContext, IQueryable<T>> query,
        Func<IQueryable<T>, IOrderedQueryable<T>> order, PageRequest paging, CancellationToken cancellationToken)
        where TDbContext : DbContext
        where T : class =>
        db.PageOnEveryShardIfChainAsync(route, scope, namedStore, query, order, (_, rows) => Task.FromResult(rows), paging, cancellationToken);

    /// <summary>As above, with each row completed on its own shard (what it needs from other tables there) before the page is cut.</summary>
    public static async Task<(List<TResult> Items, long Total)> PageOnEveryShardIfChainAsync<TDbContext, T, TResult>(
        this TDbContext db, ShardRoute route, StoreScope scope, Guid? namedStore, Func<TDbContext, IQueryable<T>> query,
        Func<IQueryable<T>, IOrderedQueryable<T>> order, Func<TDbContext, List<T>, Task<List<TResult>>> complete, PageRequest paging,
        CancellationToken cancellationToken)
        where TDbContext : DbContext
        where T : class
    {
        if (route.Shards.Single || !CoversChain(scope, namedStore))
        {
            var rows = query(db);
            var items = await order(rows).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
            return (await complete(db, items), await rows.LongCountAsync(cancellationToken));
        }
        var completed = new Dictionary<T, TResult>(ReferenceEqualityComparer.Instance);
        long total = 0;
        foreach (var shard in route.Shards.Names)
        {
            route.Use(db, shard);
            var rows = query(db);
            total += await rows.LongCountAsync(cancellationToken);
            var firsts = await order(rows).Take(paging.Skip + paging.PageSize).ToListAsync(cancellationToken);
            foreach (var (row, result) in firsts.Zip(await complete(db, firsts))) completed[row] = result;
        }
        return ([.. order(completed.Keys.AsQueryable()).Skip(paging.Skip).Take(paging.PageSize).Select(row => completed[row])], total);
    }
}
