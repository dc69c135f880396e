namespace Crm.Http;

/// <summary>What a rule says when it refuses: the request is not valid, not allowed, or conflicts with the state.</summary>
public enum ViolationKind
{
    Invalid,
    Forbidden,
    Conflict,
}

/// <summary>
/// A domain rule's refusal, in plain words and without HTTP: <see cref="Problems.For"/> turns it into the
/// problem answer (400 naming the field, 403, or 409 with its code), in one place for every service.
/// </summary>
public sealed record Violation(ViolationKind Kind, string Detail, string? Code = null, string? Field = null)
{
    public const string InvalidTransition = "invalid-transition";

    public static Violation Conflict(string code, string detail) => new(ViolationKind.Conflict, detail, code);

    /// <summary>The state does not allow the move now (409 invalid-transition).</summary>
    public static Violation Transition(string detail) => Conflict(InvalidTransition, detail);

    public static Violation Forbidden(string detail) => new(ViolationKind.Forbidden, detail);

    public static Violation Invalid(string field, string reason) => new(ViolationKind.Invalid, reason, Field: field);
}
