using Microsoft.EntityFrameworkCore.Metadata;

namespace Crm.Data;

/// <summary>A table that holds a store's rows, and how they are picked out.</summary>
/// <param name="Name">The table.</param>
/// <param name="Where">The condition, with {0} for the store's id as a literal.</param>
/// <param name="Order">The columns rows are copied in the order of.</param>
/// <param name="KeepsIdentity">Whether an identity column's numbers are copied (a store-first key) or given anew on the new shard.</param>
public sealed record StoreTable(string Name, string Where, string Order, bool KeepsIdentity)
{
    public string Rows(Guid storeId) => string.Format(Where, $"'{storeId}'");
}

/// <summary>
/// The tables of a service's model that hold a store's rows, in foreign-key order (a table before the tables that
/// refer to it): every table keyed by StoreId first (<see cref="StoreFirstKeys"/>), the store's own row ("Stores", by
/// its id: the store in the customer service, a copy elsewhere) and the events waiting for a record of the store (by
/// the storeId in their body). The chain's tables (the store
/// directory, staff copies on every shard, chain-wide indexes such as phone claims) are not a store's.
/// </summary>
public sealed class StoreTables
{
    private StoreTables(IReadOnlyList<StoreTable> inKeyOrder) => InKeyOrder = inKeyOrder;

    public IReadOnlyList<StoreTable> InKeyOrder { get; }

    public static StoreTables Of(IModel model)
    {
        var byTable = new Dictionary<string, (StoreTable Table, IEntityType Entity)>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes().Where(e => e.BaseType is null && e.GetTableName() is not null && !InOwnersRow(e)))
        {
            if (entity.ClrType == typeof(StorePlacement) || entity.ClrType == typeof(MovingStoreMessage)) continue;
            var name = entity.GetTableName()!;
            var table = StoreTable(entity, name);
            if (table is not null) byTable.TryAdd(name, (table, entity));
        }
        return new StoreTables(Sorted(byTable));
    }

    /// <summary>A part kept in its owner's row is copied with it; one kept in a table of its own is a table here.</summary>
    private static bool InOwnersRow(IEntityType entity) =>
        entity.FindOwnership() is { } ownership && ownership.PrincipalEntityType.GetTableName() == entity.GetTableName();

    private static StoreTable? StoreTable(IEntityType entity, string name)
    {
        var identifier = StoreObjectIdentifier.Table(name, entity.GetSchema());
        string Column(IProperty property) => $"\"{property.GetColumnName(identifier)}\"";
        var key = entity.FindPrimaryKey()!.Properties;
        var order = string.Join(", ", key.Select(Column));
        if (entity.ClrType == typeof(WaitingEvent)) return new(name, "\"Body\"->>'storeId' = {0}", order, KeepsIdentity: false);
        if (IsTheStore(entity)) return new(name, $"{Column(key[0])} = {{0}}", order, KeepsIdentity: true);
        if (key[0] is { Name: "StoreId" } store && store.ClrType == typeof(Guid)) return new(name, $"{Column(store)} = {{0}}", order, KeepsIdentity: true);
        return null;
    }

    /// <summary>The store's own row: a service's copy of the store, or the store itself, which the StoreId of its records refers to.</summary>
    private static bool IsTheStore(IEntityType entity) =>
        typeof(StoreCopy).IsAssignableFrom(entity.ClrType)
        || entity.GetReferencingForeignKeys().Any(fk => fk.Properties is [{ Name: "StoreId" }] && fk.PrincipalKey.Properties is [{ ClrType: var type }] && type == typeof(Guid));

    /// <summary>A table after every other store table its foreign keys point to.</summary>
    private static List<StoreTable> Sorted(Dictionary<string, (StoreTable Table, IEntityType Entity)> tables)
    {
        var ordered = new List<StoreTable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        void Place(string name, HashSet<string> visiting)
        {
            if (placed.Contains(name) || !visiting.Add(name)) return;
            foreach (var principal in tables[name].Entity.GetForeignKeys().Select(fk => fk.PrincipalEntityType.GetRootType().GetTableName()))
                if (principal is not null && principal != name && tables.ContainsKey(principal)) Place(principal, visiting);
            placed.Add(name);
            ordered.Add(tables[name].Table);
        }
        foreach (var name in tables.Keys.Order(StringComparer.Ordinal)) Place(name, []);
        return ordered;
    }
}
