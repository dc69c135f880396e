namespace Crm.Messages;

/// <summary>
/// A contract form moved in its custody (issued, signed, retrieved, passed on, returned, reviewed, reported,
/// acknowledged, voided, lost): where it stands after the move, and the times by which it is due back.
/// Published by the contract service (receipts into stock and refused passings are not moves);
/// for the morning meeting's form alerts (reports).
/// </summary>
public sealed record ContractFormMoved : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required string Serial { get; init; }
    /// <summary>The move, by the contract service's name for it (<c>Issued</c>, <c>Retrieved</c>, <c>PassedOn</c>, …).</summary>
    public required string Action { get; init; }
    /// <summary>The form's state after the move (<c>Issued</c>, <c>Signed</c>, <c>Retrieved</c>, …, <c>Lost</c>).</summary>
    public required string State { get; init; }
    public string? HolderName { get; init; }
    public string? DesignerName { get; init; }
    /// <summary>With a designer: the form is an alert if not retrieved by then (issue + retrievalDays).</summary>
    public DateTimeOffset? RetrieveBy { get; init; }
    /// <summary>Passed on: the form is an alert if not returned by then.</summary>
    public DateTimeOffset? ReturnBy { get; init; }
    /// <summary>Why it moved: a passing-on's purpose, a rejection's, voiding's or loss's reason.</summary>
    public string? Reason { get; init; }
    public required bool Lost { get; init; }
    public required DateTimeOffset At { get; init; }
}
