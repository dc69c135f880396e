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
            return Merge(current, body, json.Value.SerializerOptions, errors);
        }, cancellationToken).AnswerAsync(customer => TypedResults.Ok(CustomerResponse.From(customer, scope, withMilestones: true)));
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

    /// <summary>
    /// RFC 7396 merge patch over the current details: a field present replaces the value (null clears it),
    /// an object merges into the current one, an absent field stays. Unknown fields are refused by name.
    /// </summary>
    private static CustomerDetails? Merge(CustomerDetails current, JsonObject patch, JsonSerializerOptions options, FieldErrors errors)
    {
        var merged = JsonSerializer.SerializeToNode(current, options)!.AsObject();
        Apply(merged, patch);
        try
        {
            return merged.Deserialize<CustomerDetails>(options);
        }
        catch (JsonException ex)
        {
            errors.Add(JsonFieldError.Field(ex), JsonFieldError.Reason(ex));
            return null;
        }
    }

    private static void Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is JsonObject nested && target[name] is JsonObject existing) Apply(existing, nested);
            else target[name] = value?.DeepClone();
        }
    }
}
