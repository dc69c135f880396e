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

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: detail);

    /// <summary>A rule's refusal as its problem answer (400 naming the field, 403, or 409 with its code); a conflict may carry figures the client needs.</summary>
    public static ProblemHttpResult Refused(Violation violation, IDictionary<string, object?>? extensions = null) => violation.Kind switch
    {
        ViolationKind.Forbidden => Forbidden(violation.Detail),
        ViolationKind.Conflict => Conflict(violation.Code ?? Violation.InvalidTransition, violation.Detail, extensions),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.", detail: violation.Detail,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [violation.Field ?? "$"] = [violation.Detail] } }),
    };

    /// <summary>Whether an answer reports success: a refused command's transaction is rolled back.</summary>
    public static bool Succeeded(IResult result) =>
        (result is INestedHttpResult nested ? nested.Result : result) is not IStatusCodeHttpResult { StatusCode: >= 400 };

    public const string NotYetArrived = "not-yet-arrived";

    /// <summary>
    /// 503 with Retry-After (added by <see cref="ApiConventions"/>): the record was announced a moment ago by
    /// the service that owns it and has not reached this one yet. Send the same request again shortly.
    /// </summary>
    public static ProblemHttpResult Arriving(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not here yet.",
            detail: $"The {what} was created a moment ago and has not reached this service yet; send the request again shortly.",
            extensions: new Dictionary<string, object?> { ["code"] = NotYetArrived });

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(detail: $"No {what} with that id.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");
}
