namespace Crm.Contracts.Domain;

/// <summary>
/// One line of a form's custody ledger: a move, from whom to whom, when, why, until when, and who recorded it.
/// The ledger is append-only: nothing in the code changes or deletes a line, and the database refuses to.
/// </summary>
public sealed class CustodyEntry
{
    public Guid Id { get; private set; }
    public string Serial { get; private set; } = "";
    public Guid StoreId { get; private set; }
    public CustodyAction Action { get; private set; }
    public FormState StateAfter { get; private set; }
    public Guid? FromId { get; private set; }
    public string? FromName { get; private set; }
    public Guid? ToId { get; private set; }
    public string? ToName { get; private set; }
    /// <summary>Why the form moved: the purpose of a passing-on, the reason of a rejection, voiding or loss.</summary>
    public string? Purpose { get; private set; }
    public DateTimeOffset? ExpectedReturnAt { get; private set; }
    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    /// <summary>Whether the form moved: a receipt into stock starts its custody, a refused passing-on leaves it where it was.</summary>
    public bool IsMove => Action is not (CustodyAction.Received or CustodyAction.PassingRefused);

    /// <summary>A passing-on refused by <see cref="RecipientRule"/>: the form did not move, the attempt is on record.</summary>
    public static CustodyEntry Refused(ContractForm form, Person to, string purpose, Person by, DateTimeOffset at) =>
        Record(form, CustodyAction.PassingRefused, form.HolderId is { } id ? new Person(id, form.HolderName ?? "") : null, to, by, at, purpose);

    internal static CustodyEntry Record(
        ContractForm form, CustodyAction action, Person? from, Person? to, Person by, DateTimeOffset at, string? purpose = null, DateTimeOffset? expectedReturnAt = null) => new()
    {
        Id = Guid.CreateVersion7(at),
        Serial = form.Serial,
        StoreId = form.StoreId,
        Action = action,
        StateAfter = form.State,
        FromId = from?.Id,
        FromName = from?.Name,
        ToId = to?.Id,
        ToName = to?.Name,
        Purpose = purpose,
        ExpectedReturnAt = expectedReturnAt,
        RecordedById = by.Id,
        RecordedByName = by.Name,
        At = at,
    };
}
