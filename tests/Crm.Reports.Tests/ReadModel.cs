using Crm.Reports.Data;

namespace Crm.Reports.Tests;

/// <summary>Rows of the read model written straight into it, as its consumers would write them.</summary>
internal static class ReadModel
{
    public static void Dispatch(ReportDbContext db, CustomerFact customer, Guid designerId, string designerName, DateTimeOffset at, DateOnly day)
    {
        var dispatch = DispatchFact.From(new CustomerDispatched
        {
            StoreId = customer.StoreId, CustomerId = customer.Id, AssignmentId = Guid.CreateVersion7(), DesignerId = designerId, DesignerName = designerName, DispatchedAt = at,
        }, day);
        db.Dispatches.Add(dispatch);
        customer.DispatchesAre([dispatch]);
    }
}
