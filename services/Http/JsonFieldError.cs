using System.Collections.Concurrent;
using System.Text.Json;

namespace Crm.Http;

/// <summary>Which field a JSON reading error is about, and why, in the words a 400 problem gives.</summary>
public static class JsonFieldError
{
    /// <summary>"$.house.areaM2" becomes "house.areaM2"; an unknown member is named by itself.</summary>
    public static string Field(JsonException json)
    {
        var unknown = UnknownMember(json.Message);
        var path = json.Path is null or "$" ? "" : json.Path.TrimStart('$', '.');
        // The path of an unknown member already ends with it.
        if (unknown is not null && !path.EndsWith(unknown, StringComparison.Ordinal)) return path.Length == 0 ? unknown : $"{path}.{unknown}";
        return path.Length == 0 ? "$" : path;
    }

    public static string Reason(JsonException json) =>
        UnknownMember(json.Message) is not null ? "This field is not part of the request."
        : json.Message.Contains("could not be converted", StringComparison.Ordinal) ? Expected(json)
        : "The JSON is malformed.";

    private static readonly ConcurrentDictionary<(string Type, string Path), string> ExpectedByField = new();

    /// <summary>
    /// What the field takes. System.Text.Json names the object being read, not the field's type:
    /// "The JSON value could not be converted to Crm.Dispatch.Apis.DesignerRequest. Path: $.level | …";
    /// the field's type is found by following the path from that object's type.
    /// </summary>
    private static string Expected(JsonException json)
    {
        const string marker = "could not be converted to ";
        var start = json.Message.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var end = json.Message.IndexOf(". Path", start, StringComparison.Ordinal);
        var typeName = end > start ? json.Message[start..end] : "";
        // Array positions are left out of the key: the cache holds one entry per field of our own request types.
        var path = System.Text.RegularExpressions.Regex.Replace(json.Path ?? "", @"\[\d+\]", "");
        return ExpectedByField.GetOrAdd((typeName, path), key => Describe(FieldType(key.Type, key.Path)));
    }

    private static Type? FieldType(string typeName, string path)
    {
        var owner = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        var names = path.TrimStart('$', '.').Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (owner is null || names.Length == 0) return owner;
        // The object named may be the root of the path or the object that holds its last part.
        for (var first = 0; first < names.Length; first++)
        {
            var type = owner;
            foreach (var name in names[first..])
            {
                type = type?.GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase)?.PropertyType;
                type = type is null ? null : Element(type);
            }
            if (type is not null) return type;
        }
        return null;
    }

    /// <summary>The value's own type: T of T? and of a list of T.</summary>
    private static Type Element(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type != typeof(string) && type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } list)
            type = list.GetGenericArguments()[0];
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static string Describe(Type? type)
    {
        if (type is { IsEnum: true }) return $"One of {string.Join(", ", Enum.GetNames(type))}.";
        if (type == typeof(DateOnly)) return "A date: yyyy-MM-dd.";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "A date and time in ISO 8601, e.g. 2026-03-02T10:00:00+08:00.";
        if (type == typeof(Guid)) return "An id: a UUID.";
        if (type == typeof(bool)) return "true or false.";
        if (type == typeof(int) || type == typeof(long)) return "A whole number.";
        if (type == typeof(decimal) || type == typeof(double)) return "A number.";
        if (type == typeof(string)) return "Text, in quotes.";
        return "The value has the wrong type or format.";
    }

    /// <summary>System.Text.Json names an unmapped member in its message: "The JSON property 'x' could not be mapped ...".</summary>
    private static string? UnknownMember(string message)
    {
        const string marker = "The JSON property '";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0 || !message.Contains("could not be mapped", StringComparison.Ordinal)) return null;
        start += marker.Length;
        var end = message.IndexOf('\'', start);
        return end > start ? message[start..end] : null;
    }
}
