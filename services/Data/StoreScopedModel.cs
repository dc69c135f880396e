using System.Linq.Expressions;
using Microsoft.Extensions.Hosting;

namespace Crm.Data;

/// <summary>A service database whose queries only see the caller's store (see <see cref="StoreScope"/>).</summary>
public interface IStoreScopedDbContext
{
    StoreScope Scope { get; }
}

public static class StoreScopedModel
{
    public const string StoreFilter = "store";

    /// <summary>
    /// Gives every entity with a <c>StoreId</c>, and the given store entities by their <c>Id</c>, a
    /// query filter to the caller's store. Enforced once here, so that no endpoint can forget it.
    /// </summary>
    public static ModelBuilder AddStoreScope(this ModelBuilder model, IStoreScopedDbContext context, params Type[] storeEntities)
    {
        foreach (var entity in model.Model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            var key = storeEntities.Contains(entity.ClrType) ? "Id" : "StoreId";
            var property = entity.ClrType.GetProperty(key);
            if (property?.PropertyType != typeof(Guid) || (key == "StoreId" && entity.FindProperty("StoreId") is null)) continue;

            // e => context.Scope.AllStores || e.<key> == context.Scope.StoreId
            var row = Expression.Parameter(entity.ClrType, "e");
            var scope = Expression.Property(Expression.Constant(context), nameof(IStoreScopedDbContext.Scope));
            var filter = Expression.OrElse(
                Expression.Property(scope, nameof(StoreScope.AllStores)),
                Expression.Equal(Expression.Property(row, property), Expression.Property(scope, nameof(StoreScope.StoreId))));
            model.Entity(entity.ClrType).HasQueryFilter(StoreFilter, Expression.Lambda(filter, row));
        }
        return model;
    }
}
