using System.Text.RegularExpressions;

namespace Crm.Customers.Apis;

public sealed record StoreCompleteness(Guid StoreId, string StoreCode, string StoreName, long Customers, decimal CompletenessRate);

public sealed record CompletenessResponse(long Customers, decimal CompletenessRate, IReadOnlyList<StoreCompleteness> Stores);

/// <summary>
/// The customer list: by store, stage, designer, source, registration dates and free text, newest first.
/// Each filter has an index behind it; bench/customer-search shows the plans on a large store.
/// </summary>
public static partial class CustomerSearch
{
    public sealed record Filter(
        Guid? StoreId, CustomerStage? Stage, Guid? DesignerId, CustomerSource? Source, string? Q, DateOnly? RegisteredFrom, DateOnly? RegisteredTo)
    {
        public void Check(FieldErrors errors)
        {
            if (RegisteredFrom > RegisteredTo) errors.Add("registeredTo", "The end date is before the start date.");
            if (Q is { Length: > 100 }) errors.Add("q", "At most 100 characters.");
        }
    }

    public static async Task<Results<Ok<ListPage<CustomerResponse>>, ValidationProblem>> List(
        Guid? storeId, string? stage, Guid? designerId, string? source, string? q, DateOnly? registeredFrom, DateOnly? registeredTo,
        int? page, int? pageSize, CustomerDbContext db, ShardRoute route, StoreScope scope, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var filter = new Filter(storeId, QueryEnum.Parse<CustomerStage>(stage, "stage", errors), designerId,
            QueryEnum.Parse<CustomerSource>(source, "source", errors), q, registeredFrom, registeredTo);
        filter.Check(errors);
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);

        // A list of one store is read on its shard; one of the whole chain, on every shard.
        var (items, total) = await db.PageOnEveryShardIfChainAsync(route, scope, filter.StoreId, shard => Apply(shard.Customers.AsNoTracking(), filter),
            customers => customers.OrderByDescending(c => c.RegisteredAt).ThenByDescending(c => c.Id), paging, cancellationToken);
        return TypedResults.Ok(new ListPage<CustomerResponse>(items.ConvertAll(c => CustomerResponse.From(c, scope)), paging.Page, paging.PageSize, total));
    }

    /// <summary>The completeness rate (filled basic fields ÷ all basic fields) per store and over all the caller sees.</summary>
    public static async Task<Results<Ok<CompletenessResponse>, ValidationProblem>> Completeness(
        Guid? storeId, DateOnly? registeredFrom, DateOnly? registeredTo, CustomerDbContext db, ShardRoute route, StoreScope scope, CancellationToken cancellationToken)
    {
        var filter = new Filter(storeId, null, null, null, null, registeredFrom, registeredTo);
        var errors = new FieldErrors();
        filter.Check(errors);
        if (errors.Any) return Problems.Invalid(errors);

        // Each store is on one shard: its figures and its name are read there, and the whole chain's put together.
        var perStore = await db.OnEveryShardIfChainAsync(route, scope, storeId, async shard =>
        {
            var figures = await Apply(shard.Customers.AsNoTracking(), filter)
                .GroupBy(c => c.StoreId)
                .Select(g => new { StoreId = g.Key, Customers = g.LongCount(), Filled = g.Sum(c => c.Completeness) })
                .ToListAsync(cancellationToken);
            var ids = figures.Select(p => p.StoreId).ToList();
            var stores = await shard.Stores.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
            return figures.ConvertAll(p => (Row: new StoreCompleteness(p.StoreId, stores[p.StoreId].Code, stores[p.StoreId].Name, p.Customers, Rate(p.Filled, p.Customers)), p.Filled));
        });
        var rows = perStore.Select(p => p.Row).OrderBy(r => r.StoreCode).ToList();
        var customers = rows.Sum(p => p.Customers);
        return TypedResults.Ok(new CompletenessResponse(customers, Rate(perStore.Sum(p => p.Filled), customers), rows));
    }

    private static decimal Rate(decimal filled, long customers) => customers == 0 ? 0 : Math.Round(filled / customers, 4);

    public static IQueryable<Customer> Apply(IQueryable<Customer> query, Filter filter)
    {
        if (filter.StoreId is { } store) query = query.Where(c => c.StoreId == store);
        if (filter.Stage is { } stage) query = query.Where(c => c.Stage == stage);
        if (filter.DesignerId is { } designer) query = query.Where(c => c.Designer != null && c.Designer.DesignerId == designer);
        if (filter.Source is { } source) query = query.Where(c => c.Source == source);
        if (filter.RegisteredFrom is { } from) query = query.Where(c => c.RegisteredOn >= from);
        if (filter.RegisteredTo is { } to) query = query.Where(c => c.RegisteredOn <= to);
        if (!string.IsNullOrWhiteSpace(filter.Q)) query = Text(query, filter.Q.Trim());
        return query;
    }

    /// <summary>
    /// Free text is read as what staff type: a whole phone number in any writing, 4 or more digits of
    /// one (the last four, as customers give them), or else a customer number or part of a name.
    /// Each reading uses its own index (bench/customer-search shows the plans).
    /// </summary>
    private static IQueryable<Customer> Text(IQueryable<Customer> query, string text)
    {
        if (PhoneNumber.TryNormalize(text, out var phone)) return query.Where(c => c.Phone == phone);
        var pattern = "%" + LikeWildcards().Replace(text, @"\$0") + "%";
        if (PartOfPhone().IsMatch(text)) return query.Where(c => EF.Functions.Like(c.Phone, pattern, @"\"));
        var customerNo = text.ToUpperInvariant();
        return query.Where(c => c.CustomerNo == customerNo || EF.Functions.ILike(c.Name, pattern, @"\"));
    }

    [GeneratedRegex(@"[\\%_]")]
    private static partial Regex LikeWildcards();

    [GeneratedRegex(@"^\d{4,}$")]
    private static partial Regex PartOfPhone();
}
