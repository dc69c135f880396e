using Microsoft.EntityFrameworkCore.Metadata;

namespace Crm.Testing;

public static class StoreFilterChecks
{
    /// <summary>Entity types that belong to a store (a StoreId, or a store themselves) but have no store filter.</summary>
    public static IEnumerable<string> Unfiltered(IModel model, params Type[] storeEntities) =>
        model.GetEntityTypes()
            .Where(e => !e.IsOwned() && (e.FindProperty("StoreId") is not null || storeEntities.Contains(e.ClrType)))
            .Where(e => e.FindDeclaredQueryFilter("store") is null)
            .Select(e => e.ClrType.Name);
}
