namespace Crm.SystemTests.Fuzz;

/// <summary>One operation of an OpenAPI document the gateway serves, with the gateway path it is called at.</summary>
public sealed record ApiOperation(string Document, string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonElement? Body)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every operation of the document, its schemas' references resolved; paths the gateway does not route are left out.</summary>
    public static IEnumerable<ApiOperation> Read(string document, JsonElement openApi)
    {
        var schemas = new SchemaResolver(openApi);
        foreach (var path in openApi.GetProperty("paths").EnumerateObject())
        {
            var gatewayPath = GatewayPath(document, path.Name);
            if (gatewayPath is null) continue;
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var parameters = new List<ApiParameter>();
                foreach (var source in new[] { path.Value, operation.Value })
                    if (source.TryGetProperty("parameters", out var list))
                        parameters.AddRange(list.EnumerateArray().Select(p => new ApiParameter(
                            p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                            p.TryGetProperty("schema", out var schema) ? schemas.Resolve(schema) : default)));
                JsonElement? body = operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var bodySchema)
                    ? schemas.Resolve(bodySchema) : null;
                yield return new ApiOperation(document, operation.Name.ToUpperInvariant(), gatewayPath, parameters, body);
            }
        }
    }

    /// <summary>
    /// A service's operator endpoints (/operations/…) are reached at /api/operations/{service}/…; its
    /// internal endpoints (/internal/…) are not routed by the gateway at all.
    /// </summary>
    private static string? GatewayPath(string document, string path) =>
        path.StartsWith("/internal/", StringComparison.Ordinal) ? null
        : path.StartsWith("/operations/", StringComparison.Ordinal) ? $"/api/operations/{document}{path["/operations".Length..]}"
        : path;
}

public sealed record ApiParameter(string Name, string In, JsonElement Schema);
