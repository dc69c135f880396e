using System.Text.Json.Nodes;

namespace Crm.SystemTests.Fuzz;

/// <summary>Plausible values for a schema (the shape a client would send), and the bad ones a fuzz sends instead.</summary>
public static class SchemaValues
{
    public const string ControlCharacters = "a\u0000b\u0007c\u001b";

    /// <summary>The schema's type, the first that is not "null" when it allows several.</summary>
    public static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type)) return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out _) ? "object" : null;
        if (type.ValueKind == JsonValueKind.String) return type.GetString();
        var types = type.EnumerateArray().Select(t => t.GetString()).Where(t => t != "null").ToList();
        // Numbers may also be written as strings: the number is what the field is.
        return types.FirstOrDefault(t => t is "integer" or "number") ?? types.FirstOrDefault();
    }

    public static string? FormatOf(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    public static bool IsEnum(JsonElement schema) => schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out _);

    public static JsonNode? Plausible(JsonElement schema, int depth = 0)
    {
        if (IsEnum(schema)) return JsonNode.Parse(schema.GetProperty("enum").EnumerateArray().First(e => e.ValueKind != JsonValueKind.Null).GetRawText());
        switch (TypeOf(schema))
        {
            case "object":
                var obj = new JsonObject();
                if (depth < 4 && schema.TryGetProperty("properties", out var properties))
                    foreach (var property in properties.EnumerateObject()) obj[property.Name] = Plausible(property.Value, depth + 1);
                return obj;
            case "array":
                return depth < 4 && schema.TryGetProperty("items", out var items) ? new JsonArray(Plausible(items, depth + 1)) : new JsonArray();
            case "integer": return 1;
            case "number": return 1.5m;
            case "boolean": return true;
            case "string":
                return FormatOf(schema) switch
                {
                    "uuid" => Guid.NewGuid().ToString(),
                    "date-time" => DateTimeOffset.UtcNow.ToString("O"),
                    "date" => DateTime.UtcNow.ToString("yyyy-MM-dd"),
                    "duration" or "time-span" => "00:00:01",
                    _ => "测试",
                };
            default: return null;
        }
    }

    /// <summary>Values no field of this schema should accept: wrong types, out-of-range numbers and dates, unknown names, text no form holds.</summary>
    public static IEnumerable<(string What, JsonNode? Value)> Bad(JsonElement schema)
    {
        var type = TypeOf(schema);
        var format = FormatOf(schema);
        yield return ("an object where a value belongs", type == "object" ? 42 : new JsonObject { ["x"] = 1 });
        if (IsEnum(schema)) yield return ("an unknown name", "NotAValue");
        switch (type)
        {
            case "string" when format == "uuid":
                yield return ("not a uuid", "not-a-uuid");
                yield return ("the empty uuid", Guid.Empty.ToString());
                break;
            case "string" when format is "date-time" or "date":
                yield return ("an impossible date", "2026-13-45T99:00:00Z");
                yield return ("the year 1", "0001-01-01T00:00:00Z");
                yield return ("the year 9999", "9999-12-31T23:59:59Z");
                break;
            case "string":
                yield return ("a number for text", 12345);
                yield return ("100,000 characters", new string('长', 100_000));
                yield return ("control characters", ControlCharacters);
                break;
            case "integer":
                yield return ("text for a number", "many");
                yield return ("a negative number", -1);
                yield return ("a number past 32 bits", 2_147_483_648L);
                break;
            case "number":
                yield return ("text for a number", "many");
                yield return ("negative money", -1000.5m);
                yield return ("huge money", 1e30);
                break;
            case "boolean":
                yield return ("text for a yes/no", "yes");
                break;
            case "array":
                yield return ("text for a list", "x");
                yield return ("a list of 10,000", new JsonArray(Enumerable.Range(0, 10_000).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()));
                break;
        }
    }
}
