namespace Crm.Contracts.Apis;

/// <summary>Contract forms (domain.md §3): stock, issue, signing, retrieval, passing on, approval, finance, and the custody ledger.</summary>
public static class FormsApi
{
    private static readonly string[] Holders = StaffRoles.StoreStaff;
    private static readonly string[] Readers = [.. StaffRoles.StoreStaff, StaffRoles.Finance];
    /// <summary>A designer reads the forms issued to them, and nothing else.</summary>
    private static readonly string[] ReadersAndDesigner = [.. Readers, StaffRoles.Designer];

    public static IEndpointRouteBuilder MapFormsApi(this IEndpointRouteBuilder routes)
    {
        var forms = routes.MapGroup("/api/contracts/forms").WithTags("Contract forms").RoutedToStoreShard(
            StoreShardRouting.ByKey<ContractDbContext>("serial", (db, serial, ct) =>
                db.Forms.IgnoreQueryFilters().Where(f => f.Serial == Normal(serial)).Select(f => (Guid?)f.StoreId).FirstOrDefaultAsync(ct)));
        forms.MapGet("/", List).WithSummary("Lists the store's contract forms by state and holder; a designer's own forms.").RequireRoles(ReadersAndDesigner);
        forms.MapPost("/receive", Receive).WithSummary("Receives a range of numbered forms into the store's stock; a serial exists once in the chain.").RequireRoles(Holders);
        forms.MapGet("/{serial}", Get).WithSummary("Reads a form: where it is, who holds it, its contract.").RequireRoles(ReadersAndDesigner);
        forms.MapGet("/{serial}/custody", Custody).WithSummary("Who holds the form now and every move since it entered stock.").RequireRoles(Readers);
        forms.MapPost("/{serial}/issue", Issue).WithSummary("Issues a form in stock to a designer for a customer.").RequireRoles(Holders);
        forms.MapPost("/{serial}/sign", Sign).WithSummary("Records the customer's signing: the contract; announced to the other services.").RequireRoles([.. Holders, StaffRoles.Designer]);
        forms.MapPost("/{serial}/retrieve", Retrieve).WithSummary("Takes the form back from the designer: signed, for approval; unused, into stock.").RequireRoles(Holders);
        forms.MapPost("/{serial}/transfer", PassOn).WithSummary("Passes the form to the store manager, an authorised person or finance, with purpose and expected return.").RequireRoles(Holders);
        forms.MapPost("/{serial}/return", Return).WithSummary("The form passed on comes back.").RequireRoles(Readers);
        forms.MapPost("/{serial}/approve", Approve).WithSummary("The store manager approves the signed form passed to them; announced.").RequireRoles(StaffRoles.StoreManager);
        forms.MapPost("/{serial}/reject", Reject).WithSummary("The store manager rejects the signed form passed to them, with a reason.").RequireRoles(StaffRoles.StoreManager);
        forms.MapPost("/{serial}/report", Report).WithSummary("Sends an approved form to finance.").RequireRoles(Holders);
        forms.MapPost("/{serial}/acknowledge", Acknowledge).WithSummary("Finance acknowledges the form reported to them.").RequireRoles(StaffRoles.Finance);
        forms.MapPost("/{serial}/void", Void).WithSummary("Voids a spoiled or cancelled form, with a reason.").RequireRoles(Holders);
        forms.MapPost("/{serial}/lost", Lost).WithSummary("Reports a form lost, with a reason.").RequireRoles(Holders);
        return routes;
    }

    private static async Task<Results<Ok<ListPage<FormResponse>>, ValidationProblem>> List(
        Guid? storeId, string? state, Guid? holderId, int? page, int? pageSize, ContractDbContext db, ShardRoute route, StoreScope scope, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        var inState = QueryEnum.Parse<FormState>(state, "state", errors);
        if (errors.Any) return Problems.Invalid(errors);

        IQueryable<ContractForm> Query(ContractDbContext shard)
        {
            var query = Visible(shard, scope);
            if (storeId is not null) query = query.Where(f => f.StoreId == storeId);
            if (inState is not null) query = query.Where(f => f.State == inState);
            if (holderId is not null) query = query.Where(f => f.HolderId == holderId);
            return query;
        }
        // Finance serving the whole chain sees the forms passed to it in every store: on every shard.
        var (items, total) = await db.PageOnEveryShardIfChainAsync(route, scope, storeId, Query, forms => forms.OrderBy(f => f.Serial), paging, cancellationToken);
        return TypedResults.Ok(new ListPage<FormResponse>(items.ConvertAll(f => FormResponse.From(f, scope)), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Created<ListPage<FormResponse>>, ValidationProblem, ProblemHttpResult>> Receive(
        ReceiveFormsRequest request, ReceiveForms receive, StoreScope scope, CancellationToken cancellationToken)
    {
        var storeId = scope.StoreOr(request.StoreId);
        if (storeId is null) return Problems.Invalid("storeId", "The store is required.");
        var range = SerialRange.Parse(request.FromSerial, request.ToSerial);
        if (!range.Succeeded) return Problems.Refused(range.Violation);
        return await receive.HandleAsync(storeId.Value, range.Value, cancellationToken).AnswerAsync(forms => TypedResults.Created(
            $"/api/contracts/forms?storeId={storeId}&state=InStock",
            new ListPage<FormResponse>(forms.Select(f => FormResponse.From(f, scope)).ToList(), 1, forms.Count, forms.Count)));
    }

    private static async Task<Results<Ok<FormResponse>, ProblemHttpResult>> Get(string serial, ContractDbContext db, StoreScope scope, CancellationToken cancellationToken)
    {
        var form = await Visible(db, scope).FirstOrDefaultAsync(f => f.Serial == Normal(serial), cancellationToken);
        return form is null ? Problems.NotFound("contract form") : TypedResults.Ok(FormResponse.From(form, scope));
    }

    private static async Task<Results<Ok<CustodyResponse>, ProblemHttpResult>> Custody(string serial, ContractDbContext db, CancellationToken cancellationToken)
    {
        var form = await db.Forms.AsNoTracking().FirstOrDefaultAsync(f => f.Serial == Normal(serial), cancellationToken);
        if (form is null) return Problems.NotFound("contract form");
        var entries = await db.Custody.AsNoTracking().Where(e => e.Serial == form.Serial).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(CustodyResponse.From(form, entries));
    }

    private static async Task<Results<Ok<FormResponse>, ValidationProblem, ProblemHttpResult>> Issue(
        string serial, IssueFormRequest request, IssueForm issue, StoreScope scope, CancellationToken cancellationToken)
    {
        if (request.Check() is { Any: true } errors) return Problems.Invalid(errors);
        return await issue.HandleAsync(new(Normal(serial), request.DesignerId!.Value, request.CustomerId!.Value), cancellationToken).AnswerAsync(Answer(scope));
    }

    private static async Task<Results<Ok<FormResponse>, ValidationProblem, ProblemHttpResult>> Sign(
        string serial, SignFormRequest request, SignForm sign, StoreScope scope, CancellationToken cancellationToken)
    {
        if (request.Check() is { Any: true } errors) return Problems.Invalid(errors);
        return await sign.HandleAsync(new(Normal(serial), request.CustomerId!.Value, request.Amount!.Value, request.AreaM2!.Value, request.SignedAt), cancellationToken)
            .AnswerAsync(Answer(scope));
    }

    private static Task<Results<Ok<FormResponse>, ValidationProblem, ProblemHttpResult>> Retrieve(
        string serial, RetrieveForm retrieve, StoreScope scope, CancellationToken cancellationToken) =>
        retrieve.HandleAsync(Normal(serial), cancellationToken).AnswerAsync(Answer(scope));

    private static async Task<Results<Ok<FormResponse>, ValidationProblem, ProblemHttpResult>> PassOn(
        string serial, PassOnRequest request, PassOnForm passOn, StoreScope scope, CancellationToken cancellationToken)
    {
        if (request.Check() is { Any: true } errors) return Problems.Invalid(errors);
        return await passOn.HandleAsync(new(Normal(serial), request.ToUserId!.Value, request.Purpose!.Trim(), request.ExpectedReturnAt!.Value), cancellationToken)
            .AnswerAsync(Answer(scope));
    }

    private static Task<Results<Ok<FormResponse>, ValidationProblem, ProblemHttpResult>> Return(
        string serial, ReturnForm returnForm, StoreScope scope, CancellationToken cancellationToken) =>
        returnForm.HandleAsync(Normal(serial), cancellationToken).AnswerAsync(Answer(scope));

    private static async Task<Results<Ok<FormResponse>, ValidationProblem, ProblemHttpResult>> Approve(
        string serial, ReasonRequest? request, ReviewForm review, StoreScope scope, CancellationToken cancellationToken)
    {
        if (request?.Check(required: false) is { Any: true } errors) return Problems.Invalid(errors);
        return await review.HandleAsync(Normal(serial), approve: true, request?.Tidy, cancellationToken).AnswerAsync(Answer(scope));
    }

    private static async Task<Results<Ok<FormResponse>, ValidationProblem, ProblemHttpResult>> Reject(
        string serial, ReasonRequest request, ReviewForm review, StoreScope scope, CancellationToken cancellationToken)
    {
        if (request.Check(required: true) is { Any: true } errors) return Problems.Invalid(errors);
        return await review.HandleAsync(Normal(serial), approve: false, request.Tidy, cancellationToken).AnswerAsync(Answer(scope));
    }

    private static async Task<Results<Ok<FormResponse>, ValidationProblem, ProblemHttpResult>> Report(
        string serial, ReportFormRequest request, ReportForm report, StoreScope scope, CancellationToken cancellationToken)
    {
        if (request.FinanceUserId is not { } finance) return Problems.Invalid("financeUserId", "The finance staff member the form goes to.");
        return await report.HandleAsync(Normal(serial), finance, cancellationToken).AnswerAsync(Answer(scope));
    }

    private static Task<Results<Ok<FormResponse>, ValidationProblem, ProblemHttpResult>> Acknowledge(
        string serial, AcknowledgeForm acknowledge, StoreScope scope, CancellationToken cancellationToken) =>
        acknowledge.HandleAsync(Normal(serial), cancellationToken).AnswerAsync(Answer(scope));

    private static Task<Results<Ok<FormResponse>, ValidationProblem, ProblemHttpResult>> Void(
        string serial, ReasonRequest request, EndForm end, StoreScope scope, CancellationToken cancellationToken) =>
        EndAsync(serial, request, lost: false, end, scope, cancellationToken);

    private static Task<Results<Ok<FormResponse>, ValidationProblem, ProblemHttpResult>> Lost(
        string serial, ReasonRequest request, EndForm end, StoreScope scope, CancellationToken cancellationToken) =>
        EndAsync(serial, request, lost: true, end, scope, cancellationToken);

    private static async Task<Results<Ok<FormResponse>, ValidationProblem, ProblemHttpResult>> EndAsync(
        string serial, ReasonRequest request, bool lost, EndForm end, StoreScope scope, CancellationToken cancellationToken)
    {
        if (request.Check(required: true) is { Any: true } errors) return Problems.Invalid(errors);
        return await end.HandleAsync(Normal(serial), lost, request.Tidy!, cancellationToken).AnswerAsync(Answer(scope));
    }

    private static IQueryable<ContractForm> Visible(ContractDbContext db, StoreScope scope) =>
        scope.IsDesigner ? db.Forms.AsNoTracking().Where(f => f.DesignerId == scope.DesignerId) : db.Forms.AsNoTracking();

    private static Func<ContractForm, Ok<FormResponse>> Answer(StoreScope scope) => form => TypedResults.Ok(FormResponse.From(form, scope));

    /// <summary>Serials are kept in capitals: hx-0001 names HX-0001.</summary>
    private static string Normal(string serial) => serial.Trim().ToUpperInvariant();
}
