using System.Text;
using System.Text.Json.Nodes;

namespace Crm.SystemTests.Fuzz;

/// <summary>A request the fuzz sends, with what is wrong with it.</summary>
public sealed record BadRequest(ApiOperation Operation, string What, string Path, string? Body)
{
    public HttpRequestMessage ToMessage() => new(new HttpMethod(Operation.Method), Path)
    {
        Content = Body is null ? null : new StringContent(Body, Encoding.UTF8, "application/json"),
    };

    public override string ToString() => $"{Operation.Method} {Path[..Math.Min(Path.Length, 120)]} ({What})";
}

/// <summary>
/// The bad requests for one operation: each changes one thing of a plausible request — a body that is not
/// JSON, empty or with an unknown field; each body field, query parameter and path parameter given a value
/// of the wrong type, out of range, unknown, too long or with control characters.
/// </summary>
public static class BadRequests
{
    public static IEnumerable<BadRequest> For(ApiOperation operation)
    {
        var plausiblePath = PathWith(operation, null, null);
        if (operation.Body is { } schema)
        {
            yield return new(operation, "a body that is not JSON", plausiblePath, "{\"unclosed\": ");
            yield return new(operation, "a lone surrogate in a string", plausiblePath, "{\"name\": \"\\ud800\"}");
            yield return new(operation, "JSON null for the body", plausiblePath, "null");
            yield return new(operation, "a list for the body", plausiblePath, "[1, 2]");
            yield return new(operation, "an empty object", plausiblePath, "{}");
            var plausible = SchemaValues.Plausible(schema) as JsonObject;
            if (plausible is not null)
            {
                var extra = (JsonObject)plausible.DeepClone();
                extra["fieldNobodyKnows"] = 1;
                yield return new(operation, "an unknown field", plausiblePath, extra.ToJsonString());
                foreach (var (field, fieldSchema) in Fields(schema, ""))
                    foreach (var (what, value) in SchemaValues.Bad(fieldSchema))
                    {
                        var body = (JsonObject)plausible.DeepClone();
                        Set(body, field, value?.DeepClone());
                        yield return new(operation, $"{field}: {what}", plausiblePath, body.ToJsonString());
                    }
            }
        }
        else if (operation.Method is "POST" or "PUT" or "PATCH")
        {
            yield return new(operation, "an unexpected body that is not JSON", plausiblePath, "{\"unclosed\": ");
        }

        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
            foreach (var (what, value) in BadQueryValues(parameter.Schema))
                yield return new(operation, $"query {parameter.Name}: {what}",
                    $"{plausiblePath}{(plausiblePath.Contains('?') ? '&' : '?')}{parameter.Name}={Uri.EscapeDataString(value)}", PlausibleBody(operation));

        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
            foreach (var (what, value) in BadPathValues(parameter.Schema))
                yield return new(operation, $"path {parameter.Name}: {what}", PathWith(operation, parameter.Name, value), PlausibleBody(operation));
    }

    private static string? PlausibleBody(ApiOperation operation) =>
        operation.Body is { } schema ? SchemaValues.Plausible(schema)?.ToJsonString() : null;

    /// <summary>The path with every parameter given a plausible value (an id nobody has), one of them replaced.</summary>
    private static string PathWith(ApiOperation operation, string? replaced, string? value)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var text = parameter.Name == replaced ? value! : SchemaValues.Plausible(parameter.Schema) switch
            {
                JsonValue v when SchemaValues.FormatOf(parameter.Schema) == "uuid" => v.ToString(),
                JsonValue v when SchemaValues.TypeOf(parameter.Schema) is "integer" or "number" => "987654321",
                _ => "NOPE-000001",
            };
            path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(text));
        }
        return path;
    }

    private static IEnumerable<(string What, string Value)> BadQueryValues(JsonElement schema)
    {
        // Long, but within the 8 KB request line every server refuses beyond (Kestrel answers that 414 itself, without a body).
        yield return ("2,000 characters", new string('x', 2_000));
        yield return ("control characters", SchemaValues.ControlCharacters);
        yield return ("unicode beyond the basic plane and a right-to-left mark", "𝕏😀\u202e测试");
        switch (SchemaValues.TypeOf(schema))
        {
            case "integer" or "number":
                yield return ("text for a number", "many");
                yield return ("a negative number", "-1");
                yield return ("a number past 64 bits", "99999999999999999999");
                break;
            case "string" when SchemaValues.FormatOf(schema) is "uuid":
                yield return ("not a uuid", "not-a-uuid");
                break;
            case "string" when SchemaValues.FormatOf(schema) is "date-time" or "date":
                yield return ("an impossible date", "2026-13-45");
                yield return ("the year 1", "0001-01-01");
                yield return ("the year 9999", "9999-12-31");
                break;
            case "string" when SchemaValues.IsEnum(schema):
                yield return ("an unknown name", "NotAValue");
                break;
        }
    }

    private static IEnumerable<(string What, string Value)> BadPathValues(JsonElement schema)
    {
        yield return ("an id nobody has", Guid.NewGuid().ToString());
        yield return ("not an id", "not-an-id");
        // Control characters in a path are refused by the server's HTTP parser (a bare 400) before the gateway sees them.
        yield return ("unicode beyond the basic plane", "测试😀");
        yield return ("300 characters", new string('x', 300));
    }

    /// <summary>Body fields, with nested objects' fields as "outer.inner".</summary>
    private static IEnumerable<(string Path, JsonElement Schema)> Fields(JsonElement schema, string prefix)
    {
        if (!schema.TryGetProperty("properties", out var properties)) yield break;
        foreach (var property in properties.EnumerateObject())
        {
            var path = prefix + property.Name;
            yield return (path, property.Value);
            if (SchemaValues.TypeOf(property.Value) == "object" && prefix.Count(c => c == '.') < 2)
                foreach (var nested in Fields(property.Value, path + ".")) yield return nested;
        }
    }

    private static void Set(JsonObject body, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var target = body;
        foreach (var part in parts[..^1])
        {
            if (target[part] is not JsonObject next) target[part] = next = new JsonObject();
            target = next;
        }
        target[parts[^1]] = value;
    }
}
