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
        : json.Message.Contains("could not be converted", StringComparison.Ordinal) ? "The value has the wrong type or format."
        : "The JSON is malformed.";

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
