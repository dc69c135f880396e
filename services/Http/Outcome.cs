using System.Diagnostics.CodeAnalysis;

namespace Crm.Http;

/// <summary>
/// What a use case answers: its result, or the <see cref="Violation"/> that refused it. A handler returns either
/// (both convert implicitly); a refused outcome rolls back its transaction, and the endpoint maps it with
/// <see cref="Answers"/>.
/// </summary>
public readonly struct Outcome<T>
{
    private Outcome(T? value, Violation? violation) => (Value, Violation) = (value, violation);

    public T? Value { get; }

    public Violation? Violation { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Violation))]
    public bool Succeeded => Violation is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Violation violation) => new(default, violation);
}
