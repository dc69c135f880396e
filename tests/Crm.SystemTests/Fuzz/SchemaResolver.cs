using System.Text.Json.Nodes;

namespace Crm.SystemTests.Fuzz;

/// <summary>Replaces $ref with the schema it names (recursively, a cycle cut at its second visit).</summary>
public sealed class SchemaResolver(JsonElement openApi)
{
    public JsonElement Resolve(JsonElement schema) => JsonSerializer.SerializeToElement(Inline(JsonNode.Parse(schema.GetRawText()), []));

    private JsonNode? Inline(JsonNode? node, HashSet<string> visiting)
    {
        switch (node)
        {
            case JsonObject obj when obj["$ref"]?.GetValue<string>() is { } reference:
                if (!visiting.Add(reference)) return new JsonObject();
                var target = openApi.GetProperty("components").GetProperty("schemas").GetProperty(reference.Split('/')[^1]);
                var inlined = Inline(JsonNode.Parse(target.GetRawText()), visiting);
                visiting.Remove(reference);
                return inlined;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj.ToList()) copy[key] = Inline(value?.DeepClone(), visiting);
                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(item => Inline(item?.DeepClone(), visiting)).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
