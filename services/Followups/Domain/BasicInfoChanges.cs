using System.Text.Json;

namespace Crm.Followups.Domain;

/// <summary>
/// The shape of the changes a follow-up carries to the customer's basic information: a JSON object of the fields
/// PATCH /api/customers/{id} takes. The customer service checks the values with its own rules when it logs them;
/// here the record is refused if it names a field that is not basic information.
/// </summary>
public static class BasicInfoChanges
{
    public static readonly IReadOnlyList<string> Fields =
        ["name", "phone", "otherContact", "address", "family", "incomeBand", "preferences", "house", "specialRequest"];

    /// <summary>Far more than any real change of basic information takes.</summary>
    public const int MaxLength = 8000;

    public static void Check(JsonElement changes, FieldErrors errors)
    {
        if (changes.GetRawText().Length > MaxLength)
        {
            errors.Add("changes", $"At most {MaxLength} characters of JSON.");
            return;
        }
        if (changes.ValueKind != JsonValueKind.Object)
        {
            errors.Add("changes", "An object of the basic-information fields that changed, as PATCH /api/customers/{id} takes them.");
            return;
        }
        var names = changes.EnumerateObject().Select(p => p.Name).ToList();
        if (names.Count == 0) errors.Add("changes", "Name at least one field that changed, or leave changes out.");
        foreach (var name in names.Where(n => !Fields.Contains(n)))
            errors.Add($"changes.{name}", name == "reason"
                ? "The follow-up is the reason of the changes it carries."
                : $"Not a basic-information field: one of {string.Join(", ", Fields)}.");
    }
}
