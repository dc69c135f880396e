using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crm.Customers.Apis;

/// <summary>
/// RFC 7396 merge patch of a customer's basic information, as PATCH /api/customers/{id} takes it and as a follow-up
/// record carries it: a field present replaces the value (null clears it), an object merges into the current one, an
/// absent field stays. Unknown fields are refused by name.
/// </summary>
public static class CustomerPatch
{
    public static CustomerDetails? Merge(CustomerDetails current, JsonObject patch, JsonSerializerOptions options, FieldErrors errors)
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
