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

    public static ProblemHttpResult Forbidden(string detail, string? code = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: detail,
            extensions: code is null ? null : new Dictionary<string, object?> { ["code"] = code });

    /// <summary>
    /// A refusal as its problem answer, in one place for every service: 400 naming the field, 403, 404, 409 with its
    /// code and any figures the client needs, or 503 for a record on its way.
    /// </summary>
    public static ProblemHttpResult Refused(Violation violation) => violation.Kind switch
    {
        ViolationKind.Forbidden => Forbidden(violation.Detail, violation.Code),
        ViolationKind.Conflict => Conflict(violation.Code ?? Violation.InvalidTransition, violation.Detail, violation.Figures?.ToDictionary()),
        ViolationKind.NotFound => TypedResults.Problem(detail: violation.Detail, statusCode: StatusCodes.Status404NotFound, title: "Not found."),
        ViolationKind.NotYetArrived => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not here yet.", detail: violation.Detail,
            extensions: new Dictionary<string, object?> { ["code"] = NotYetArrived }),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.", detail: violation.Errors is null ? violation.Detail : null,
            extensions: new Dictionary<string, object?> { ["errors"] = violation.Errors ?? new Dictionary<string, string[]> { [violation.Field ?? "$"] = [violation.Detail] } }),
    };

    /// <summary>Whether an answer reports success: a refused command's transaction is rolled back.</summary>
    public static bool Succeeded(IResult result) =>
        (result is INestedHttpResult nested ? nested.Result : result) is not IStatusCodeHttpResult { StatusCode: >= 400 };

    public const string NotYetArrived = "not-yet-arrived";

    /// <summary>
    /// 503 with Retry-After (added by <see cref="ApiConventions"/>): the record was announced a moment ago by
    /// the service that owns it and has not reached this one yet. Send the same request again shortly.
    /// </summary>
    public static ProblemHttpResult Arriving(string what) => Refused(Violation.NotYetArrived(what));

    public static ProblemHttpResult NotFound(string what) => Refused(Violation.NotFound(what));

    public const string StoreMoving = "store-moving";

    /// <summary>503 with Retry-After: the store's records are being moved to another database; nothing was read or changed.</summary>
    public static ProblemHttpResult Moving() =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The store is being moved.",
            detail: "The store's records are being moved to another database, which takes a few minutes; send the request again then.",
            extensions: new Dictionary<string, object?> { ["code"] = StoreMoving });
}
