using Microsoft.EntityFrameworkCore;
using Crm.Dispatch.Data;

namespace Crm.Dispatch.Tests.Domain;

/// <summary>The service's tables of a store's records are keyed by the store first (README, "PostgreSQL by store").</summary>
public sealed class StoreFirstKeysTests
{
    [Fact]
    public void Every_table_of_a_stores_records_is_keyed_by_its_store_first()
    {
        using var db = new DispatchDbContext(new DbContextOptionsBuilder<DispatchDbContext>().UseNpgsql("Host=localhost").Options, StoreScope.System);
        var keys = StoreFirstModel.Check(db);
        Assert.Equal(["StoreId", "Id"], keys["Designers"]);
        Assert.Equal(["StoreId", "DesignerId", "Day"], keys["Duties"]);
        Assert.Equal(["StoreId", "CustomerId"], keys["CustomerFiles"]);
    }
}
