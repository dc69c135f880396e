using Microsoft.EntityFrameworkCore;
using Crm.Customers.Data;

namespace Crm.Customers.Tests.Domain;

/// <summary>The service's tables of a store's records are keyed by the store first (README, "PostgreSQL by store").</summary>
public sealed class StoreFirstKeysTests
{
    [Fact]
    public void Every_table_of_a_stores_records_is_keyed_by_its_store_first()
    {
        using var db = new CustomerDbContext(new DbContextOptionsBuilder<CustomerDbContext>().UseNpgsql("Host=localhost").Options, StoreScope.System);
        var keys = StoreFirstModel.Check(db);
        Assert.Equal(["StoreId", "Id"], keys["Customers"]);
        Assert.Equal(["StoreId", "Id"], keys["Milestones"]);
        Assert.Equal(["StoreId", "Year"], keys["CustomerNumberCounters"]);
    }

    [Fact]
    public void A_stores_move_copies_the_store_before_its_records_and_leaves_the_chains_phone_claims_at_home()
    {
        using var db = new CustomerDbContext(new DbContextOptionsBuilder<CustomerDbContext>().UseNpgsql("Host=localhost").Options, StoreScope.System);
        var tables = Crm.Data.StoreTables.Of(db.Model).InKeyOrder.Select(t => t.Name).ToList();
        Assert.Equal("\"Id\" = '00000000-0000-0000-0000-000000000000'", Crm.Data.StoreTables.Of(db.Model).InKeyOrder.Single(t => t.Name == "Stores").Rows(Guid.Empty));
        Assert.True(tables.IndexOf("Stores") < tables.IndexOf("Customers"), string.Join(" ", tables));
        Assert.True(tables.IndexOf("Customers") < tables.IndexOf("Milestones"), string.Join(" ", tables));
        Assert.DoesNotContain("PhoneClaims", tables);
        Assert.DoesNotContain("StorePlacements", tables);
        Assert.DoesNotContain("MovingStoreMessages", tables);
    }
}
