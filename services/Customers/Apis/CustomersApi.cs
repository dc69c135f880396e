namespace Crm.Customers.Apis;

public static class CustomersApi
{
    private static readonly string[] StoreStaffAndDesigner = [.. StaffRoles.StoreStaff, StaffRoles.Designer];

    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder routes)
    {
        var customers = routes.MapGroup("/api/customers").WithTags("Customers");
        customers.MapPost("/", Register).RequireRoles(StaffRoles.StoreStaff);
        customers.MapGet("/{id:guid}", Get).RequireRoles(StoreStaffAndDesigner);
        customers.MapGet("/", CustomerSearch.List).RequireRoles(StoreStaffAndDesigner);
        customers.MapPatch("/{id:guid}", CustomerChangesApi.Change).RequireRoles(StaffRoles.StoreStaff);
        customers.MapGet("/{id:guid}/changes", CustomerChangesApi.List).RequireRoles(StaffRoles.StoreStaff);
        customers.MapPost("/{id:guid}/milestones", MilestonesApi.Record).RequireRoles(StoreStaffAndDesigner);
        customers.MapPost("/{id:guid}/visits", MilestonesApi.RecordVisit).RequireRoles(StaffRoles.StoreStaff);
        customers.MapGet("/{id:guid}/timeline", TimelineApi.Get).RequireRoles(StoreStaffAndDesigner);
        customers.MapGet("/registers/{register}", RegistersApi.Get).RequireRoles(StaffRoles.StoreStaff)
            .Produces<RegisterResponse>().Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem();
        customers.MapGet("/completeness", CustomerSearch.Completeness).RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    private static async Task<Results<Created<RegisteredCustomerResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterCustomerRequest request, CustomerDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Store staff register into their own store unless they name it; another store does not exist for them.
        request = request with { StoreId = request.StoreId ?? (scope.AllStores ? null : scope.StoreId) };
        var errors = request.Validate(out var registration);
        if (errors.Any) return Problems.Invalid(errors);

        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == request.StoreId, cancellationToken);
        if (store is null) return Problems.Invalid("storeId", "No store with that id.");

        var duplicate = await DuplicatePhone.FindAsync(db, registration.Phone, store.Id, null, cancellationToken);
        if (duplicate is not null) return duplicate;

        try
        {
            var customer = await RegisterInTransactionAsync(db, store, registration, scope, clock, cancellationToken);
            return TypedResults.Created($"/api/customers/{customer.Id}",
                new RegisteredCustomerResponse(customer.Id, customer.CustomerNo, customer.ArchiveBag, customer.Stage));
        }
        catch (DbUpdateException ex) when (DuplicatePhone.IsUniqueViolation(ex))
        {
            // The same phone registered at the same moment elsewhere: the later request gets the conflict.
            db.ChangeTracker.Clear();
            return await DuplicatePhone.FindAsync(db, registration.Phone, store.Id, null, cancellationToken) ?? throw new InvalidOperationException("A phone number conflict was reported but no customer holds the number.", ex);
        }
    }

    /// <summary>Number, customer, first visit and event in one transaction: the number is taken only if the customer is stored.</summary>
    private static Task<Customer> RegisterInTransactionAsync(
        CustomerDbContext db, Store store, CustomerRegistration registration, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var sequence = await CustomerNumberCounter.NextAsync(db, store.Id, store.LocalDate(now).Year, cancellationToken);
            var customer = Customer.Register(store, sequence, registration, scope.Actor, scope.ActorName, now);
            db.Customers.Add(customer);
            if (registration.Source.Channel() is { } channel)
                db.Visits.Add(CustomerVisit.Record(customer, store, channel, now, returning: false, null, scope.Actor, scope.ActorName));
            db.Publish(CustomerEvents.Registered(customer), clock);
            return customer;
        }, cancellationToken);

    private static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> Get(
        Guid id, CustomerDbContext db, StoreScope scope, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().Include(c => c.Milestones).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return customer is null ? Problems.NotFound("customer") : TypedResults.Ok(CustomerResponse.From(customer, scope, withMilestones: true));
    }
}
