namespace Crm.Contracts.Domain;

/// <summary>
/// A numbered paper contract form (合同文本) and its custody (domain.md §3): received into stock, issued to a
/// designer for a customer, signed, retrieved by the customer manager, passed to the store manager for approval,
/// approved or rejected, reported to finance and acknowledged; passed on to an authorised person and returned;
/// voided or lost with a reason. Each move answers the ledger line that records it, or the violation that
/// refuses it (409 invalid-transition), changing nothing.
/// </summary>
public sealed class ContractForm
{
    public string Serial { get; private set; } = "";
    public Guid StoreId { get; private set; }
    public FormState State { get; private set; }
    /// <summary>Who has the form now; none while it is in the store's stock.</summary>
    public Guid? HolderId { get; private set; }
    public string? HolderName { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    public Guid? DesignerId { get; private set; }
    public string? DesignerName { get; private set; }
    public Guid? CustomerId { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }

    /// <summary>The contract, once signed.</summary>
    public decimal? Amount { get; private set; }
    public decimal? AreaM2 { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public DateTimeOffset? RetrievedAt { get; private set; }

    /// <summary>The passing-on in course: from whom, why, since when and until when.</summary>
    public Guid? PassedFromId { get; private set; }
    public string? PassedFromName { get; private set; }
    public string? PassedPurpose { get; private set; }
    public DateTimeOffset? PassedAt { get; private set; }
    public DateTimeOffset? ExpectedReturnAt { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewedByName { get; private set; }
    public string? ReviewReason { get; private set; }
    public DateTimeOffset? ReportedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    /// <summary>Why the form was voided or lost.</summary>
    public string? EndReason { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsPassedOn => PassedAt is not null;

    /// <summary>The form as it stands after a move, with the times by which it is due back (the alerts of <see cref="FormAlerts"/>).</summary>
    public ContractFormMoved Moved(CustodyEntry move, int retrievalDays) => new()
    {
        StoreId = StoreId, Serial = Serial, Action = move.Action.ToString(), State = State.ToString(), HolderName = HolderName, DesignerName = DesignerName,
        RetrieveBy = State is FormState.Issued or FormState.Signed ? IssuedAt?.AddDays(retrievalDays) : null,
        ReturnBy = IsPassedOn ? ExpectedReturnAt : null,
        Reason = move.Purpose, Lost = State == FormState.Lost, At = move.At,
    };

    public static (ContractForm Form, CustodyEntry Entry) Receive(Guid storeId, string serial, Person by, DateTimeOffset now)
    {
        var form = new ContractForm { Serial = serial, StoreId = storeId, State = FormState.InStock, ReceivedAt = now };
        return (form, CustodyEntry.Record(form, CustodyAction.Received, null, null, by, now));
    }

    /// <summary>From stock to a designer, for the customer named: the issue register (form, designer, customer, time).</summary>
    public Outcome<CustodyEntry> Issue(Person designer, Guid customerId, Person by, DateTimeOffset now)
    {
        if (State != FormState.InStock) return Refused("issued", "only a form in stock is issued");
        (State, DesignerId, DesignerName, CustomerId, IssuedAt) = (FormState.Issued, designer.Id, designer.Name, customerId, now);
        return Move(CustodyAction.Issued, designer, by, now);
    }

    /// <summary>The customer the form was issued for signs it: the contract is recorded.</summary>
    public Outcome<CustodyEntry> Sign(Guid customerId, decimal amount, decimal areaM2, DateTimeOffset signedAt, Person by, DateTimeOffset now)
    {
        if (State != FormState.Issued) return Refused("signed", "only an issued form is signed");
        if (customerId != CustomerId) return Violation.Invalid("customerId", "The form was issued for another customer; issue a form for this one.");
        if (signedAt < IssuedAt) return Violation.Invalid("signedAt", $"The form was issued on {IssuedAt:yyyy-MM-dd HH:mm}; it cannot be signed earlier.");
        (State, Amount, AreaM2, SignedAt) = (FormState.Signed, amount, areaM2, signedAt);
        return CustodyEntry.Record(this, CustodyAction.Signed, Holder, Holder, by, now);
    }

    /// <summary>
    /// The customer manager takes the form back from the designer: a signed form for approval, or an unused one
    /// back into stock.
    /// </summary>
    public Outcome<CustodyEntry> Retrieve(Person by, DateTimeOffset now)
    {
        if (State == FormState.Issued)
        {
            var designer = Holder;
            (State, DesignerId, DesignerName, CustomerId, IssuedAt) = (FormState.InStock, null, null, null, null);
            (HolderId, HolderName) = (null, null);
            return CustodyEntry.Record(this, CustodyAction.BackInStock, designer, null, by, now);
        }
        if (State != FormState.Signed) return Refused("retrieved", "only an issued or signed form is retrieved");
        (State, RetrievedAt) = (FormState.Retrieved, now);
        return Move(CustodyAction.Retrieved, by, by, now);
    }

    /// <summary>
    /// Passes the form on for a purpose until an expected return. Whether the recipient may receive forms is
    /// <see cref="RecipientRule"/>'s to say, before this.
    /// </summary>
    public Outcome<CustodyEntry> PassOn(Person to, string purpose, DateTimeOffset expectedReturnAt, Person by, DateTimeOffset now)
    {
        if (State is not (FormState.Retrieved or FormState.Approved or FormState.Rejected))
            return Refused("passed on", "only a retrieved, approved or rejected form is passed on");
        if (IsPassedOn) return Violation.Transition($"The form is with {HolderName} since {PassedAt:yyyy-MM-dd HH:mm}; record its return first.");
        if (to.Id == HolderId) return Violation.Invalid("toUserId", "The form is already with this person.");
        if (expectedReturnAt <= now) return Violation.Invalid("expectedReturnAt", "The expected return is a time to come.");
        var from = Holder ?? by;
        (PassedFromId, PassedFromName, PassedPurpose, PassedAt, ExpectedReturnAt) = (from.Id, from.Name, purpose, now, expectedReturnAt);
        (HolderId, HolderName) = (to.Id, to.Name);
        return CustodyEntry.Record(this, CustodyAction.PassedOn, from, to, by, now, purpose, expectedReturnAt);
    }

    /// <summary>The form passed on comes back to the one who passed it.</summary>
    public Outcome<CustodyEntry> Return(Person by, DateTimeOffset now)
    {
        if (!IsPassedOn) return Violation.Transition($"The form is {State} and not passed on; there is nothing to return.");
        var from = Holder;
        var back = new Person(PassedFromId!.Value, PassedFromName!);
        (HolderId, HolderName) = (back.Id, back.Name);
        (PassedFromId, PassedFromName, PassedPurpose, PassedAt, ExpectedReturnAt) = (null, null, null, null, null);
        return CustodyEntry.Record(this, CustodyAction.Returned, from, back, by, now);
    }

    /// <summary>The store manager approves a signed form passed to them.</summary>
    public Outcome<CustodyEntry> Approve(Person manager, string? reason, DateTimeOffset now) => Review(FormState.Approved, CustodyAction.Approved, manager, reason, now);

    /// <summary>The store manager rejects a signed form passed to them, with a reason.</summary>
    public Outcome<CustodyEntry> Reject(Person manager, string reason, DateTimeOffset now) => Review(FormState.Rejected, CustodyAction.Rejected, manager, reason, now);

    /// <summary>An approved form goes to finance, with a transfer record; a form still passed on is returned first.</summary>
    public Outcome<CustodyEntry> Report(Person finance, Person by, DateTimeOffset now)
    {
        if (State != FormState.Approved) return Refused("reported", "only an approved form is reported to finance");
        if (IsPassedOn) return Violation.Transition($"The form is with {HolderName} ({PassedPurpose}); record its return first.");
        var from = Holder ?? by;
        (State, ReportedAt, HolderId, HolderName) = (FormState.Reported, now, finance.Id, finance.Name);
        return CustodyEntry.Record(this, CustodyAction.Reported, from, finance, by, now, "report to finance");
    }

    /// <summary>The finance staff member the form was reported to says they have it.</summary>
    public Outcome<CustodyEntry> Acknowledge(Person finance, DateTimeOffset now)
    {
        if (State != FormState.Reported) return Refused("acknowledged", "only a reported form is acknowledged");
        if (finance.Id != HolderId) return Violation.Forbidden($"The form was reported to {HolderName}; they acknowledge it.");
        (State, AcknowledgedAt) = (FormState.Acknowledged, now);
        return CustodyEntry.Record(this, CustodyAction.Acknowledged, finance, finance, finance, now);
    }

    /// <summary>A spoiled or cancelled form is voided, with a reason; what finance holds is finance's, and a form passed on comes back first.</summary>
    public Outcome<CustodyEntry> Void(string reason, Person by, DateTimeOffset now)
    {
        if (State is FormState.Reported or FormState.Acknowledged or FormState.Voided or FormState.Lost)
            return Refused("voided", "a form with finance, voided or lost is not voided");
        if (IsPassedOn) return Violation.Transition($"The form is with {HolderName} ({PassedPurpose}); record its return first.");
        var from = Holder;
        (State, EndReason, EndedAt) = (FormState.Voided, reason, now);
        return CustodyEntry.Record(this, CustodyAction.Voided, from, from, by, now, reason);
    }

    /// <summary>A form nobody can find is reported lost, with a reason: an incident on the store's report.</summary>
    public Outcome<CustodyEntry> ReportLost(string reason, Person by, DateTimeOffset now)
    {
        if (State is FormState.Acknowledged or FormState.Voided or FormState.Lost)
            return Refused("reported lost", "an acknowledged, voided or lost form is not reported lost");
        var from = Holder;
        (State, EndReason, EndedAt) = (FormState.Lost, reason, now);
        (PassedFromId, PassedFromName, PassedPurpose, PassedAt, ExpectedReturnAt) = (null, null, null, null, null);
        return CustodyEntry.Record(this, CustodyAction.Lost, from, null, by, now, reason);
    }

    private Outcome<CustodyEntry> Review(FormState to, CustodyAction action, Person manager, string? reason, DateTimeOffset now)
    {
        if (State != FormState.Retrieved) return Refused(to == FormState.Approved ? "approved" : "rejected", "only a retrieved signed form is reviewed");
        if (!IsPassedOn || HolderId != manager.Id)
            return Violation.Transition("The form is reviewed by the store manager it was passed to: pass it to them first.");
        (State, ReviewedAt, ReviewedByName, ReviewReason) = (to, now, manager.Name, reason);
        return CustodyEntry.Record(this, action, manager, manager, manager, now, reason);
    }

    private Person? Holder => HolderId is { } id ? new Person(id, HolderName ?? "") : null;

    /// <summary>The form changes hands; from stock, it comes from whoever takes it out of the drawer.</summary>
    private CustodyEntry Move(CustodyAction action, Person to, Person by, DateTimeOffset now)
    {
        var from = Holder ?? by;
        (HolderId, HolderName) = (to.Id, to.Name);
        return CustodyEntry.Record(this, action, from, to, by, now);
    }

    private Violation Refused(string move, string rule) => Violation.Transition($"The form is {State}; it cannot be {move}: {rule}.");
}
