namespace Crm.Http;

/// <summary>The one check of a text field: required or not, and at most so many characters once trimmed.</summary>
public static class TextFields
{
    /// <param name="what">What the field holds, said when a required field is missing.</param>
    public static void Check(string? value, string field, int limit, bool required, string what, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required) errors.Add(field, what); }
        else if (value.Trim().Length > limit) errors.Add(field, $"At most {limit} characters.");
    }
}
