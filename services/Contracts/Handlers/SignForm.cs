namespace Crm.Contracts.Handlers;

/// <summary>
/// Records the signing on the form issued for the customer: the contract (customer, designer, amount, area, date),
/// announced as <see cref="ContractSigned"/>. A designer records the signing of forms issued to them only.
/// </summary>
public sealed class SignForm(ContractDbContext db, StoreScope scope, TimeProvider clock)
{
    public sealed record Command(string Serial, Guid CustomerId, decimal Amount, decimal AreaM2, DateTimeOffset? SignedAt);

    public Task<Outcome<ContractForm>> HandleAsync(Command command, CancellationToken cancellationToken) =>
        db.MoveFormAsync(command.Serial, scope, (form, me) =>
        {
            // Another designer's form does not exist for a designer.
            if (scope.IsDesigner && form.DesignerId != scope.DesignerId) return Violation.NotFound("contract form");
            var now = clock.GetUtcNow();
            var signedAt = command.SignedAt ?? now;
            if (signedAt > now.AddMinutes(5)) return Violation.Invalid("signedAt", "A signing cannot be in the future.");
            var signed = form.Sign(command.CustomerId, command.Amount, command.AreaM2, signedAt, me, now);
            if (signed.Succeeded)
                db.Publish(new ContractSigned
                {
                    StoreId = form.StoreId, CustomerId = command.CustomerId, DesignerId = form.DesignerId!.Value, FormSerial = form.Serial,
                    Amount = command.Amount, AreaM2 = command.AreaM2, SignedAt = signedAt, RecordedBy = scope.ActorName,
                }, clock);
            return signed;
        }, cancellationToken);
}
