namespace Crm.Contracts.Handlers;

/// <summary>The store manager approves (announced as <see cref="ContractReviewed"/>) or rejects, with a reason, a signed form passed to them.</summary>
public sealed class ReviewForm(ContractDbContext db, StoreScope scope, TimeProvider clock)
{
    public Task<Outcome<ContractForm>> HandleAsync(string serial, bool approve, string? reason, CancellationToken cancellationToken) =>
        db.MoveFormAsync(serial, scope, (form, me) =>
        {
            var now = clock.GetUtcNow();
            if (!approve) return form.Reject(me, reason!, now);
            var approved = form.Approve(me, reason, now);
            if (approved.Succeeded)
                db.Publish(new ContractReviewed
                {
                    StoreId = form.StoreId, CustomerId = form.CustomerId!.Value, FormSerial = form.Serial, ReviewedAt = now, ReviewedBy = scope.ActorName,
                }, clock);
            return approved;
        }, cancellationToken);
}
