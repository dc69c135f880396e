using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Http;

/// <summary>The problem answers of api.md: field errors (400), conflicts with a code (409), not found (404).</summary>
public static class Problems
{
    public static ValidationProblem Invalid(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request is not valid.");

    public static ValidationProblem Invalid(string field, string reason) => Invalid(new FieldErrors().Add(field, reason));

    /// <summary>A 409 whose "code" tells a client which conflict it met, with any figures it needs.</summary>
    public static ProblemHttpResult Conflict(string code, string detail, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "The request conflicts with the current state.", extensions: all);
    }

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(detail: $"No {what} with that id.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");
}
