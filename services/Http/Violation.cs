namespace Crm.Http;

/// <summary>What a rule says when it refuses: the request is not valid, not allowed, conflicts with the state, or names what is not there.</summary>
public enum ViolationKind
{
    Invalid,
    Forbidden,
    Conflict,
    NotFound,
    NotYetArrived,
}

/// <summary>
/// A domain rule's or use case's refusal, in plain words and without HTTP: <see cref="Problems.Refused"/> turns it
/// into the problem answer (400 naming the field, 403, 404, 409 with its code, or 503 for a record on its way),
/// in one place for every service. <see cref="Figures"/> are extra members a client needs (a stage, a trace).
/// </summary>
public sealed record Violation(ViolationKind Kind, string Detail, string? Code = null, string? Field = null)
{
    public const string InvalidTransition = "invalid-transition";

    public IReadOnlyDictionary<string, object?>? Figures { get; init; }

    /// <summary>Every field's reasons, when a request has more than one thing wrong.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    public static Violation Conflict(string code, string detail, IReadOnlyDictionary<string, object?>? figures = null) =>
        new(ViolationKind.Conflict, detail, code) { Figures = figures };

    /// <summary>The state does not allow the move now (409 invalid-transition).</summary>
    public static Violation Transition(string detail) => Conflict(InvalidTransition, detail);

    public static Violation Forbidden(string detail, string? code = null) => new(ViolationKind.Forbidden, detail, code);

    public static Violation Invalid(string field, string reason) => new(ViolationKind.Invalid, reason, Field: field);

    public static Violation Invalid(FieldErrors errors) =>
        new(ViolationKind.Invalid, "The request is not valid.") { Errors = errors.ToDictionary() };

    /// <summary>The record named does not exist for the caller: another store's records are not found either.</summary>
    public static Violation NotFound(string what) => new(ViolationKind.NotFound, $"No {what} with that id.");

    /// <summary>The record was announced a moment ago by the service that owns it and has not arrived here yet.</summary>
    public static Violation NotYetArrived(string what) =>
        new(ViolationKind.NotYetArrived, $"The {what} was created a moment ago and has not reached this service yet; send the request again shortly.", Problems.NotYetArrived);
}
