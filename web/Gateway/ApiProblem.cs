using System.Net;
using System.Text.Json;

namespace Crm.Web.Gateway;

/// <summary>A refusal from the API (RFC 9457): its title and detail, its code for conflicts, and the reason per field.</summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, string? Code, IReadOnlyDictionary<string, string[]> Errors)
{
    public static readonly ApiProblem Unreachable = new(503, "The system cannot be reached.", "Try again in a moment.", "unreachable", new Dictionary<string, string[]>());
    public static readonly ApiProblem SessionEnded = new(401, "The session has ended.", "Sign in again.", "session-ended", new Dictionary<string, string[]>());

    public bool SignInNeeded => Status == (int)HttpStatusCode.Unauthorized;

    /// <summary>The reasons given for one field (camelCase, as the API names it; nested fields with dots), if any.</summary>
    public string? For(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } reasons ? string.Join(" ", reasons) : null;

    /// <summary>Reasons for fields the form does not show, so that no refusal goes unsaid.</summary>
    public IEnumerable<string> ReasonsExcept(params string[] shown) =>
        Errors.Where(e => !shown.Contains(e.Key, StringComparer.OrdinalIgnoreCase)).SelectMany(e => e.Value);

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            if (body.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
                foreach (var field in fields.EnumerateObject())
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().Select(r => r.GetString() ?? "").ToArray() : [field.Value.ToString()];
            return new ApiProblem(status, Text(body, "title") ?? response.ReasonPhrase ?? status.ToString(), Text(body, "detail"), Text(body, "code"), errors);
        }
        catch (JsonException)
        {
            return new ApiProblem(status, response.ReasonPhrase ?? status.ToString(), null, null, new Dictionary<string, string[]>());
        }
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>An answer of the API: the value, or the problem that refused it.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>A form's field marked with the API's reason for refusing it: <c>Error="@_problem.Refuses("name")" ErrorText="@_problem.ReasonFor("name")"</c>.</summary>
public static class ApiProblemFields
{
    public static bool Refuses(this ApiProblem? problem, string field) => problem?.For(field) is not null;

    public static string? ReasonFor(this ApiProblem? problem, string field) => problem?.For(field);
}
