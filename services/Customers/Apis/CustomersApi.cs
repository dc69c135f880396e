namespace Crm.Customers.Apis;

public static class CustomersApi
{
    private static readonly string[] StoreStaffAndDesigner = [.. StaffRoles.StoreStaff, StaffRoles.Designer];
    /// <summary>Who reads customers: the store's staff, a designer their own, a home consultant the ones they are named on.</summary>
    private static readonly string[] Readers = [.. StoreStaffAndDesigner, StaffRoles.HomeConsultant];

    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder routes)
    {
        var customers = routes.MapGroup("/api/customers").WithTags("Customers")
            .RoutedToStoreShard<CustomerDbContext>((db, id, ct) => db.Customers.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => (Guid?)c.StoreId).FirstOrDefaultAsync(ct));
        customers.MapPost("/", Register).WithSummary("Registers a customer with the basic information; a known phone is a 409 duplicate-phone.").RequireRoles(StaffRoles.StoreStaff);
        customers.MapGet("/{id:guid}", Get).WithSummary("Reads a customer: basic information, stage, designer, consultant and milestones.").RequireRoles(Readers);
        customers.MapGet("/", CustomerSearch.List).WithSummary("Lists customers by store, stage, designer, source, registration dates and free text.").RequireRoles(Readers);
        customers.MapPatch("/{id:guid}", CustomerChangesApi.Change).WithSummary("Changes basic information (a JSON merge patch with a reason); each change is logged.").RequireRoles(StaffRoles.StoreStaff);
        customers.MapPut("/{id:guid}/consultant", CustomerChangesApi.NameConsultant).WithSummary("Names the customer's home consultant (家装顾问), a staff member of the store, or clears it (null); logged with a reason.").RequireRoles(StaffRoles.StoreStaff);
        customers.MapGet("/{id:guid}/changes", CustomerChangesApi.List).WithSummary("The customer's change log: field, before, after, who, when, why.").RequireRoles(StaffRoles.StoreStaff);
        customers.MapPost("/{id:guid}/milestones", MilestonesApi.Record).WithSummary("Records a milestone with its figures; the order rules answer 409 invalid-transition.").RequireRoles(StoreStaffAndDesigner);
        customers.MapPost("/{id:guid}/visits", MilestonesApi.RecordVisit).WithSummary("Records a returning customer's visit or call (or a lead's first meeting).").RequireRoles(StaffRoles.StoreStaff);
        customers.MapGet("/{id:guid}/timeline", TimelineApi.Get).WithSummary("The customer's whole story in time order.").RequireRoles(Readers);
        customers.MapGet("/registers/{register}", RegistersApi.Get).WithSummary("The walk-in, phone or handed-over register of a day or month, as JSON, CSV or Excel.").RequireRoles(StaffRoles.StoreStaff)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        customers.MapGet("/completeness", CustomerSearch.Completeness).WithSummary("The completeness rate of basic information, per store and overall.").RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    private static async Task<Results<Created<RegisteredCustomerResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterCustomerRequest request, RegisterCustomer register, StoreScope scope, CancellationToken cancellationToken)
    {
        // Store staff register into their own store unless they name it; another store does not exist for them.
        request = request with { StoreId = scope.StoreOr(request.StoreId) };
        if (request.Validate(out var registration) is { Any: true } errors) return Problems.Invalid(errors);
        return await register.HandleAsync(request.StoreId!.Value, registration, cancellationToken).AnswerAsync(customer =>
            TypedResults.Created($"/api/customers/{customer.Id}", new RegisteredCustomerResponse(customer.Id, customer.CustomerNo, customer.ArchiveBag, customer.Stage)));
    }

    private static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> Get(
        Guid id, CustomerDbContext db, StoreScope scope, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().Include(c => c.Milestones).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return customer is null ? Problems.NotFound("customer") : TypedResults.Ok(CustomerResponse.From(customer, scope, withMilestones: true));
    }
}
