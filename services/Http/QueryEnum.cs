namespace Crm.Http;

/// <summary>An enum in a query string, by its English name only (any case): "3" is not a stage.</summary>
public static class QueryEnum
{
    public static T? Parse<T>(string? value, string field, FieldErrors errors) where T : struct, Enum
    {
        if (value is null) return null;
        if (value.All(char.IsLetter) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed)) return parsed;
        errors.Add(field, $"One of {string.Join(", ", Enum.GetNames<T>())}.");
        return null;
    }
}
