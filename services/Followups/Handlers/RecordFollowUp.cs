namespace Crm.Followups.Handlers;

/// <summary>
/// Records a follow-up of a customer: kept, announced with every field (the customer's timeline shows it), and
/// its next date made the customer's next follow-up task.
/// </summary>
public sealed class RecordFollowUp(FollowupDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock)
{
    /// <summary>A phone a few minutes fast should not refuse a follow-up recorded "now".</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task<Outcome<FollowUpRecord>> HandleAsync(Guid customerId, FollowUpRecord.Draft draft, CancellationToken cancellationToken)
    {
        return await db.ForCustomerAsync<FollowUpRecord>(arrivals, customerId, Violation.Invalid("customerId", "No customer with that id."), async customer =>
        {
            var now = clock.GetUtcNow();
            var errors = new FieldErrors();
            if (draft.At > now + ClockSkew) errors.Add("at", "A follow-up cannot be recorded in the future.");
            if (draft.At < customer.RegisteredAt - ClockSkew) errors.Add("at", $"The customer was registered on {customer.RegisteredAt:yyyy-MM-dd HH:mm}; a follow-up cannot be earlier.");
            if (draft.NextAt is { } next && next <= draft.At) errors.Add("nextAt", "The next follow-up comes after this one.");
            if (errors.Any) return Violation.Invalid(errors);

            var store = await db.Stores.SingleAsync(s => s.Id == customer.StoreId, cancellationToken);
            var record = FollowUpRecord.Write(customer, draft, Guid.TryParse(scope.UserId, out var by) ? by : Guid.Empty, scope.ActorName, now);
            db.Records.Add(record);
            db.Publish(record.ToEvent(), clock);
            var open = await db.Tasks.Where(t => t.CustomerId == customerId && t.Kind == FollowUpTaskKind.NextFollowUp && t.CompletedAt == null && t.ClosedAt == null).ToListAsync(cancellationToken);
            if (record.NextTask(store, customer, open, now) is { } nextTask) db.Tasks.Add(nextTask);
            return record;
        }, cancellationToken);
    }
}
