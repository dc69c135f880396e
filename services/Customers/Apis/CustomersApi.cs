namespace Crm.Customers.Apis;

public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder routes)
    {
        var customers = routes.MapGroup("/api/customers").WithTags("Customers");
        customers.MapPost("/", Register).RequireRoles(StaffRoles.StoreStaff);
        customers.MapGet("/{id:guid}", Get).RequireRoles([.. StaffRoles.StoreStaff, StaffRoles.Designer]);
        customers.MapGet("/", List).RequireRoles([.. StaffRoles.StoreStaff, StaffRoles.Designer]);
        return routes;
    }

    private static async Task<Results<Created<RegisteredCustomerResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterCustomerRequest request, CustomerDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Store staff register into their own store unless they name it; another store does not exist for them.
        request = request with { StoreId = request.StoreId ?? (scope.AllStores ? null : scope.StoreId) };
        var errors = request.Validate(out var phone);
        if (errors.Any) return Problems.Invalid(errors);

        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == request.StoreId, cancellationToken);
        if (store is null) return Problems.Invalid("storeId", "No store with that id.");

        var duplicate = await FindByPhoneAsync(db, phone, store.Id, cancellationToken);
        if (duplicate is not null) return duplicate;

        Customer customer;
        try
        {
            customer = await RegisterInTransactionAsync(db, store, request, phone, clock, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same phone registered at the same moment elsewhere: the later request gets the conflict.
            db.ChangeTracker.Clear();
            var conflict = await FindByPhoneAsync(db, phone, store.Id, cancellationToken);
            if (conflict is null) throw;
            return conflict;
        }
        return TypedResults.Created($"/api/customers/{customer.Id}",
            new RegisteredCustomerResponse(customer.Id, customer.CustomerNo, customer.ArchiveBag, customer.Stage));
    }

    /// <summary>Number, customer and event in one transaction: the number is taken only if the customer is stored.</summary>
    private static Task<Customer> RegisterInTransactionAsync(
        CustomerDbContext db, Store store, RegisterCustomerRequest request, string phone, TimeProvider clock, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
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

    /// <summary>The dedupe is chain-wide, so it looks past the caller's store; it discloses only number and store.</summary>
    private static async Task<ProblemHttpResult?> FindByPhoneAsync(CustomerDbContext db, string phone, Guid requestStoreId, CancellationToken cancellationToken)
    {
        var existing = await db.Customers.IgnoreQueryFilters().Where(c => c.Phone == phone)
            .Select(c => new { c.Id, c.CustomerNo, c.StoreId }).FirstOrDefaultAsync(cancellationToken);
        return existing is null ? null : DuplicatePhone(existing.Id, existing.CustomerNo, existing.StoreId, requestStoreId);
    }

    /// <summary>Another store's customer is named by number and store only, never by its details (domain.md §1).</summary>
    private static ProblemHttpResult DuplicatePhone(Guid id, string customerNo, Guid ownerStoreId, Guid requestStoreId) =>
        Problems.Conflict("duplicate-phone", $"The phone number belongs to customer {customerNo}.",
            ownerStoreId == requestStoreId
                ? new Dictionary<string, object?> { ["customerId"] = id, ["customerNo"] = customerNo, ["storeId"] = ownerStoreId }
                : new Dictionary<string, object?> { ["customerNo"] = customerNo, ["storeId"] = ownerStoreId });

    private static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> Get(
        Guid id, CustomerDbContext db, StoreScope scope, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return customer is null ? Problems.NotFound("customer") : TypedResults.Ok(CustomerResponse.From(customer, scope));
    }

    private static async Task<Results<Ok<ListPage<CustomerResponse>>, ValidationProblem>> List(
        Guid? storeId, string? q, int? page, int? pageSize, CustomerDbContext db, StoreScope scope, CancellationToken cancellationToken)
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
        return TypedResults.Ok(new ListPage<CustomerResponse>(items.ConvertAll(c => CustomerResponse.From(c, scope)), paging.Page, paging.PageSize, total));
    }
}
