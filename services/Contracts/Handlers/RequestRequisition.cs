namespace Crm.Contracts.Handlers;

/// <summary>Records the store's requisition of forms for a month, with the recommendation it was made against.</summary>
public sealed class RequestRequisition(ContractDbContext db, RecommendRequisition recommend, StoreScope scope, TimeProvider clock)
{
    public sealed record Command(Guid StoreId, DateOnly Month, int Quantity, int? ExpectedSignings, string? Note);

    public async Task<Outcome<Requisition>> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        var recommendation = await recommend.HandleAsync(command.StoreId, command.Month, command.ExpectedSignings, cancellationToken);
        if (!recommendation.Succeeded) return recommendation.Violation.Kind == ViolationKind.NotFound ? Violation.Invalid("storeId", "No store with that id.") : recommendation.Violation;
        var requisition = Requisition.Request(command.StoreId, command.Month, command.Quantity, recommendation.Value.Recommendation.Recommended, command.Note, await db.PersonAsync(scope, cancellationToken), clock.GetUtcNow());
        db.Requisitions.Add(requisition);
        await db.SaveChangesAsync(cancellationToken);
        return requisition;
    }
}
