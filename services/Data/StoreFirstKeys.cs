using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Crm.Data;

/// <summary>
/// Keys a store's records by their store first, so that a distributed PostgreSQL (Citus) could shard every table by
/// StoreId with no change to the model: each primary key, each foreign key between a store's records and each unique
/// index starts with StoreId. Applied to every entity with a (non-null) StoreId, after the entities' own configuration.
/// The records' own ids stay unique across the chain (UUIDv7); the store in front only places them.
/// </summary>
public static class StoreFirstKeys
{
    public static ModelBuilder KeyByStoreFirst(this ModelBuilder model, params Type[] chainEntities)
    {
        foreach (var entity in model.Model.GetEntityTypes().Where(e => !e.IsOwned() && !chainEntities.Contains(e.ClrType)).ToList())
        {
            if (StoreOf(entity) is not { } store) continue;
            var key = entity.FindPrimaryKey();
            if (key is null || key.Properties[0] == store) continue;

            // The store-first key is added beside the old one, the foreign keys from the store's other records are moved
            // onto it (navigations and all), and then it becomes the primary key. A key still referred to from outside the
            // store's records stays as an alternate key.
            var storeFirstProperties = new List<IMutableProperty> { store };
            storeFirstProperties.AddRange(key.Properties.Where(p => p != store));
            var storeFirst = entity.FindKey(storeFirstProperties) ?? entity.AddKey(storeFirstProperties)!;
            foreach (var foreignKey in entity.GetReferencingForeignKeys().Where(fk => fk.PrincipalKey == key).ToList())
            {
                if (foreignKey.IsOwnership) OwnedByStoreFirst(foreignKey, storeFirst);
                else if (StoreOf(foreignKey.DeclaringEntityType) is { } dependentStore && !foreignKey.Properties.Contains(dependentStore))
                    foreignKey.SetProperties([dependentStore, .. foreignKey.Properties], storeFirst);
            }
            var oldKey = key.Properties.ToList();
            // A number the database gives (an identity column) stays one; only a single-column key gets it by convention.
            var identities = oldKey.Where(p => p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(long) || p.ClrType == typeof(int))).ToList();
            entity.SetPrimaryKey(storeFirstProperties);
            foreach (var identity in identities)
            {
                identity.ValueGenerated = ValueGenerated.OnAdd;
                identity.SetValueGenerationStrategy(NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
            }
            if (entity.FindKey(oldKey) is { } old && !old.GetReferencingForeignKeys().Any()) entity.RemoveKey(old);

            foreach (var index in entity.GetIndexes().Where(i => i.IsUnique && i.Properties[0] != store).ToList())
            {
                var name = index.GetDatabaseName();
                var filter = index.GetFilter();
                entity.RemoveIndex(index);
                var storeFirstIndex = entity.AddIndex([store, .. index.Properties])!;
                storeFirstIndex.IsUnique = true;
                if (name is not null) storeFirstIndex.SetDatabaseName(name);
                if (filter is not null) storeFirstIndex.SetFilter(filter);
            }
        }
        return model;
    }

    /// <summary>
    /// A part of the record kept in the record's own row (an owned type): its key follows the record's, with the store's
    /// column shared.
    /// </summary>
    private static void OwnedByStoreFirst(IMutableForeignKey ownership, IMutableKey storeFirst)
    {
        var owned = ownership.DeclaringEntityType;
        var ownedStore = owned.FindProperty("StoreId") ?? owned.AddProperty("StoreId", typeof(Guid))!;
        ownedStore.SetColumnName("StoreId");
        var ownedKey = owned.FindPrimaryKey()!.Properties.ToList();
        ownership.SetProperties([ownedStore, .. ownership.Properties], storeFirst);
        owned.SetPrimaryKey([ownedStore, .. ownedKey.Where(p => p != ownedStore)]);
    }

    private static IMutableProperty? StoreOf(IMutableEntityType entity) =>
        entity.FindProperty("StoreId") is { ClrType: var type } store && type == typeof(Guid) ? store : null;
}
