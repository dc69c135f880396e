namespace Crm.Customers.Apis;

public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder routes)
    {
        var customers = routes.MapGroup("/api/customers").WithTags("Customers");
        customers.MapPost("/", Register);
        customers.MapGet("/{id:guid}", Get);
        customers.MapGet("/", List);
        return routes;
    }

    private static async Task<Results<Created<RegisteredCustomerResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterCustomerRequest request, CustomerDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = request.Validate(out var phone);
        if (errors.Any) return Problems.Invalid(errors);

        var store = await db.Stores.FindAsync([request.StoreId!.Value], cancellationToken);
        if (store is null) return Problems.Invalid("storeId", "No store with that id.");

        var existing = await db.Customers.Where(c => c.Phone == phone)
            .Select(c => new { c.Id, c.CustomerNo, c.StoreId }).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null) return DuplicatePhone(existing.Id, existing.CustomerNo, existing.StoreId, store.Id);

        var now = clock.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        var customer = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var sequence = await CustomerNumberCounter.NextAsync(db, store.Id, store.LocalDate(now).Year, cancellationToken);
            var registered = Customer.Register(store, sequence, request.Source!.Value, request.Name!.Trim(), phone, now);
            db.Customers.Add(registered);
            db.Publish(new CustomerRegistered
            {
                StoreId = store.Id,
                CustomerId = registered.Id,
                CustomerNo = registered.CustomerNo,
                Source = registered.Source.ToString(),
                RegisteredAt = registered.RegisteredAt,
            }, clock);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return registered;
        });
        return TypedResults.Created($"/api/customers/{customer.Id}",
            new RegisteredCustomerResponse(customer.Id, customer.CustomerNo, customer.ArchiveBag, customer.Stage));
    }

    /// <summary>Another store's customer is named by number and store only, never by its details (domain.md §1).</summary>
    private static ProblemHttpResult DuplicatePhone(Guid id, string customerNo, Guid ownerStoreId, Guid requestStoreId) =>
        Problems.Conflict("duplicate-phone", $"The phone number belongs to customer {customerNo}.",
            ownerStoreId == requestStoreId
                ? new Dictionary<string, object?> { ["customerId"] = id, ["customerNo"] = customerNo, ["storeId"] = ownerStoreId }
                : new Dictionary<string, object?> { ["customerNo"] = customerNo, ["storeId"] = ownerStoreId });

    private static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> Get(Guid id, CustomerDbContext db, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return customer is null ? Problems.NotFound("customer") : TypedResults.Ok(CustomerResponse.From(customer));
    }

    private static async Task<Results<Ok<ListPage<CustomerResponse>>, ValidationProblem>> List(
        Guid? storeId, string? q, int? page, int? pageSize, CustomerDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);

        var query = db.Customers.AsNoTracking();
        if (storeId is not null) query = query.Where(c => c.StoreId == storeId);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            var phone = PhoneNumber.TryNormalize(text, out var normalized) ? normalized : text;
            query = query.Where(c => c.CustomerNo == text || c.Phone == phone || c.Name.Contains(text));
        }
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(c => c.RegisteredAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<CustomerResponse>(items.ConvertAll(CustomerResponse.From), paging.Page, paging.PageSize, total));
    }
}
