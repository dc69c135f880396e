using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Crm.Customers.Apis;

/// <summary>Changing basic information (a JSON merge patch plus a reason) and reading the change log.</summary>
public static class CustomerChangesApi
{
    public static async Task<Results<Ok<CustomerResponse>, ValidationProblem, ProblemHttpResult>> Change(
        Guid id, JsonElement patch, ChangeCustomer change, StoreScope scope, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        if (patch.ValueKind != JsonValueKind.Object) return Problems.Invalid("$", "The body is a JSON object of the fields to change and a reason.");
        var body = JsonObject.Create(patch)!;
        var reason = ReadReason(body, out var reasonError);
        return await change.HandleAsync(id, reason, (current, errors) =>
        {
            if (reasonError is not null) errors.Add("reason", reasonError);
            return CustomerPatch.Merge(current, body, json.Value.SerializerOptions, errors);
        }, cancellationToken).AnswerAsync(customer => TypedResults.Ok(CustomerResponse.From(customer, scope, withMilestones: true)));
    }

    public sealed record ConsultantRequest(Guid? ConsultantId, string? Reason);

    public static async Task<Results<Ok<CustomerResponse>, ValidationProblem, ProblemHttpResult>> NameConsultant(
        Guid id, ConsultantRequest request, NameConsultant name, StoreScope scope, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.ConsultantId == Guid.Empty) errors.Add("consultantId", "Not a staff member's id; null clears the consultant.");
        TextFields.Check(request.Reason, "reason", MilestoneDraft.MaxReasonLength, required: true, "Say why: the change log keeps the reason.", errors);
        if (errors.Any) return Problems.Invalid(errors);
        return await name.HandleAsync(id, request.ConsultantId, request.Reason!.Trim(), cancellationToken)
            .AnswerAsync(customer => TypedResults.Ok(CustomerResponse.From(customer, scope, withMilestones: true)));
    }

    public static async Task<Results<Ok<ListPage<ChangeResponse>>, ValidationProblem, ProblemHttpResult>> List(
        Guid id, int? page, int? pageSize, CustomerDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);
        if (!await db.Customers.AnyAsync(c => c.Id == id, cancellationToken)) return Problems.NotFound("customer");

        var changes = db.Changes.AsNoTracking().Where(c => c.CustomerId == id);
        var total = await changes.LongCountAsync(cancellationToken);
        var items = await changes.OrderBy(c => c.ChangedAt).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<ChangeResponse>(items.ConvertAll(ChangeResponse.From), paging.Page, paging.PageSize, total));
    }

    private static string? ReadReason(JsonObject body, out string? error)
    {
        error = null;
        var node = body["reason"];
        body.Remove("reason");
        if (node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
        {
            if (text.Trim().Length > MilestoneDraft.MaxReasonLength) error = $"At most {MilestoneDraft.MaxReasonLength} characters.";
            return text.Trim();
        }
        error = "Say why the information changes: the change log keeps the reason.";
        return null;
    }
}
