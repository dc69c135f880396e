using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Crm.Http;

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
        if (exception.InnerException is JsonException json) return new() { [JsonFieldError.Field(json)] = [JsonFieldError.Reason(json)] };
        if (BoundParameter(exception.Message) is { } parameter) return new() { [parameter] = ["The value has the wrong type or format."] };
        return new() { ["$"] = [exception.Message] };
    }

    /// <summary>Minimal APIs name a query or route value they cannot bind: 'Failed to bind parameter "DateOnly? from" from "x".'</summary>
    private static string? BoundParameter(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, "^Failed to bind parameter \"(?:[^\"]* )?([A-Za-z0-9_]+)\" from");
        return match.Success ? match.Groups[1].Value : null;
    }
}
