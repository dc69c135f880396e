using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Xunit;

namespace Crm.Testing;

/// <summary>
/// What "keyed by the store first" means for a service's model (README, "PostgreSQL by store"): every table with a StoreId,
/// except the named tables of the whole chain, has its primary key, its foreign keys to other tables with a StoreId and
/// its unique indexes starting with StoreId, and no other unique key.
/// </summary>
public static class StoreFirstModel
{
    public static readonly string[] ChainTables = ["Staff", "StorePlacements", "PhoneClaims", "MovingStoreMessages"];

    /// <summary>The tables checked, each with its primary key's columns, so that a test can also name what it expects.</summary>
    public static Dictionary<string, string[]> Check(DbContext db)
    {
        var keys = new Dictionary<string, string[]>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.FindProperty("StoreId") is { ClrType: var t } && t == typeof(Guid)))
        {
            var table = entity.GetTableName()!;
            if (ChainTables.Contains(table)) continue;
            var primary = entity.FindPrimaryKey()!;
            Assert.True(primary.Properties[0].Name == "StoreId", $"{table}'s primary key is ({Columns(primary.Properties)}).");
            Assert.All(entity.GetKeys().Where(k => !k.IsPrimaryKey()), k => Assert.Fail($"{table} has the unique key ({Columns(k.Properties)})."));
            foreach (var foreignKey in entity.GetForeignKeys().Where(f => f.PrincipalEntityType.FindProperty("StoreId") is { ClrType: var p } && p == typeof(Guid)
                         && !ChainTables.Contains(f.PrincipalEntityType.GetTableName()) && !f.IsOwnership))
                Assert.True(foreignKey.Properties[0].Name == "StoreId", $"{table}'s foreign key ({Columns(foreignKey.Properties)}) to {foreignKey.PrincipalEntityType.GetTableName()}.");
            foreach (var index in entity.GetIndexes().Where(i => i.IsUnique))
                Assert.True(index.Properties[0].Name == "StoreId", $"{table}'s unique index ({Columns(index.Properties)}).");
            keys[table] = [.. primary.Properties.Select(p => p.Name)];
        }
        return keys;
    }

    private static string Columns(IEnumerable<IReadOnlyProperty> properties) => string.Join(", ", properties.Select(p => p.Name));
}
