namespace Crm.Contracts.Handlers;

/// <summary>Issues a form in stock to a designer of its store for a named customer of its store (the issue register).</summary>
public sealed class IssueForm(ContractDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock)
{
    public sealed record Command(string Serial, Guid DesignerId, Guid CustomerId);

    public async Task<Outcome<ContractForm>> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        // Both were announced by their owners a moment ago, perhaps: wait for them a little.
        if (await arrivals.NotYetArrivedAsync(command.DesignerId, "designer", ct => db.Designers.IgnoreQueryFilters().AnyAsync(d => d.Id == command.DesignerId, ct), cancellationToken) is { } designerArriving)
            return designerArriving;
        if (await arrivals.NotYetArrivedAsync(command.CustomerId, "customer", ct => db.Customers.IgnoreQueryFilters().AnyAsync(c => c.Id == command.CustomerId, ct), cancellationToken) is { } customerArriving)
            return customerArriving;

        return await db.MoveFormAsync(command.Serial, scope, async (form, me) =>
        {
            var designer = await db.Designers.FirstOrDefaultAsync(d => d.Id == command.DesignerId && d.StoreId == form.StoreId, cancellationToken);
            if (designer is null) return Violation.Invalid("designerId", "No designer with that id in the form's store.");
            if (!await db.Customers.AnyAsync(c => c.Id == command.CustomerId && c.StoreId == form.StoreId, cancellationToken))
                return Violation.Invalid("customerId", "No customer with that id in the form's store.");
            return form.Issue(designer.AsPerson(), command.CustomerId, me, clock.GetUtcNow());
        }, cancellationToken);
    }
}
