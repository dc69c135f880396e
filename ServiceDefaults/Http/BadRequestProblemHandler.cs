using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Turns a body that cannot be read (malformed JSON, a wrong type, an unknown field) into a 400
/// problem that names the field, instead of a bare 400 or a 500.
/// </summary>
internal sealed class BadRequestProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest) return false;

        context.Response.StatusCode = badRequest.StatusCode;
        var problem = new HttpValidationProblemDetails(FieldErrors(badRequest))
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request is not valid.",
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static Dictionary<string, string[]> FieldErrors(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var field = FieldName(json);
            return new() { [field] = [Reason(json)] };
        }
        return new() { ["$"] = [exception.Message] };
    }

    /// <summary>"$.house.areaM2" becomes "house.areaM2"; an unknown member is named by itself.</summary>
    private static string FieldName(JsonException json)
    {
        var unknown = UnknownMember(json.Message);
        var path = json.Path is null or "$" ? "" : json.Path.TrimStart('$', '.');
        // The path of an unknown member already ends with it.
        if (unknown is not null && !path.EndsWith(unknown, StringComparison.Ordinal)) return path.Length == 0 ? unknown : $"{path}.{unknown}";
        return path.Length == 0 ? "$" : path;
    }

    private static string Reason(JsonException json) =>
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
