namespace Crm.Customers.Handlers;

/// <summary>
/// Changes a customer's basic information, with a reason: each field that changes is logged (before, after, who,
/// when, why) and the change announced. A phone another customer holds is a conflict.
/// </summary>
public sealed class ChangeCustomer(CustomerDbContext db, DuplicatePhone duplicates, PhoneClaims claims, StoreScope scope, TimeProvider clock)
{
    /// <summary>The new details over the current ones, or the field errors of the request.</summary>
    public delegate CustomerDetails? Patch(CustomerDetails current, FieldErrors errors);

    public async Task<Outcome<Customer>> HandleAsync(Guid customerId, string? reason, Patch patch, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null) return Violation.NotFound("customer");

        var errors = new FieldErrors();
        var details = patch(CustomerDetails.From(customer.Name, customer.Phone, customer.Info, customer.SpecialRequest), errors);
        if (details is null || errors.Any) return Violation.Invalid(errors);
        var (name, phone, info, specialRequest) = details.Validate(errors);
        if (errors.Any) return Violation.Invalid(errors);

        Task<Outcome<Customer>> Change() => db.ForCustomerAsync<Customer>(customerId, locked =>
        {
            var now = clock.GetUtcNow();
            var changes = locked.Change(name, phone, info, specialRequest, reason!, scope.Actor, scope.ActorName, now);
            db.Changes.AddRange(changes);
            if (changes.Count > 0) db.Publish(CustomerEvents.DetailsChanged(locked, changes, now), clock);
            return Task.FromResult<Outcome<Customer>>(locked);
        }, cancellationToken);
        if (phone == customer.Phone) return await Change();
        var changed = await duplicates.GuardAsync(phone, customer.StoreId, customer.Id, Change, cancellationToken);
        // The old number is free for another customer once the new one is the customer's.
        if (changed.Succeeded) await claims.ReleaseAsync(customer.Phone, customer.Id);
        return changed;
    }
}
