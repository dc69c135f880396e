using Crm.Reports.Data;
using Crm.Messaging;
using Crm.Reports.Facts;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Applies an event to the read model through its consumer's own code, without the bus, and saves.</summary>
    public static async Task ApplyAsync(IServiceProvider services, object message)
    {
        await using var scope = services.CreateAsyncScope();
        var factType = typeof(IEventApplier<>).MakeGenericType(message.GetType());
        var fact = scope.ServiceProvider.GetRequiredService(factType);
        await (Task)factType.GetMethod(nameof(IEventApplier<object>.ApplyAsync))!.Invoke(fact, [message, CancellationToken.None])!;
        await scope.ServiceProvider.GetRequiredService<ReportDbContext>().SaveChangesAsync();
    }
}
