namespace Crm.Customers.Apis;

public static class CustomersApi
{
    private static readonly string[] StoreStaffAndDesigner = [.. StaffRoles.StoreStaff, StaffRoles.Designer];

    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder routes)
    {
        var customers = routes.MapGroup("/api/customers").WithTags("Customers");
        customers.MapPost("/", Register).WithSummary("Registers a customer with the basic information; a known phone is a 409 duplicate-phone.").RequireRoles(StaffRoles.StoreStaff);
        customers.MapGet("/{id:guid}", Get).WithSummary("Reads a customer: basic information, stage, designer and milestones.").RequireRoles(StoreStaffAndDesigner);
        customers.MapGet("/", CustomerSearch.List).WithSummary("Lists customers by store, stage, designer, source, registration dates and free text.").RequireRoles(StoreStaffAndDesigner);
        customers.MapPatch("/{id:guid}", CustomerChangesApi.Change).WithSummary("Changes basic information (a JSON merge patch with a reason); each change is logged.").RequireRoles(StaffRoles.StoreStaff);
        customers.MapGet("/{id:guid}/changes", CustomerChangesApi.List).WithSummary("The customer's change log: field, before, after, who, when, why.").RequireRoles(StaffRoles.StoreStaff);
        customers.MapPost("/{id:guid}/milestones", MilestonesApi.Record).WithSummary("Records a milestone with its figures; the order rules answer 409 invalid-transition.").RequireRoles(StoreStaffAndDesigner);
        customers.MapPost("/{id:guid}/visits", MilestonesApi.RecordVisit).WithSummary("Records a returning customer's visit or call (or a lead's first meeting).").RequireRoles(StaffRoles.StoreStaff);
        customers.MapGet("/{id:guid}/timeline", TimelineApi.Get).WithSummary("The customer's whole story in time order.").RequireRoles(StoreStaffAndDesigner);
        customers.MapGet("/registers/{register}", RegistersApi.Get).WithSummary("The walk-in, phone or handed-over register of a day or month, as JSON, CSV or Excel.").RequireRoles(StaffRoles.StoreStaff)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        customers.MapGet("/completeness", CustomerSearch.Completeness).WithSummary("The completeness rate of basic information, per store and overall.").RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    private static async Task<Results<Created<RegisteredCustomerResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterCustomerRequest request, CustomerDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Store staff register into their own store unless they name it; another store does not exist for them.
        request = request with { StoreId = scope.StoreOr(request.StoreId) };
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
