using Microsoft.EntityFrameworkCore;
using Crm.Contracts.Data;

namespace Crm.Contracts.Tests.Domain;

/// <summary>The service's tables of a store's records are keyed by the store first (README, "PostgreSQL by store").</summary>
public sealed class StoreFirstKeysTests
{
    [Fact]
    public void Every_table_of_a_stores_records_is_keyed_by_its_store_first()
    {
        using var db = new ContractDbContext(new DbContextOptionsBuilder<ContractDbContext>().UseNpgsql("Host=localhost").Options, StoreScope.System);
        var keys = StoreFirstModel.Check(db);
        Assert.Equal(["StoreId", "Serial"], keys["Forms"]);
        Assert.Equal(["StoreId", "Id"], keys["CustodyEntries"]);
    }

    [Fact]
    public void A_stores_move_copies_its_own_tables_each_after_the_tables_it_refers_to_and_none_of_the_chains()
    {
        using var db = new ContractDbContext(new DbContextOptionsBuilder<ContractDbContext>().UseNpgsql("Host=localhost").Options, StoreScope.System);
        var tables = Crm.Data.StoreTables.Of(db.Model).InKeyOrder;
        // A form refers to its store copy; the ledger, the copies of customers and designers and the staff's authorisations refer to no other table of the store.
        Assert.Equal(["Authorisations", "CustodyEntries", "Customers", "Designers", "Stores", "Forms", "Requisitions", "Signings", "StockCounts"], tables.Select(t => t.Name));
        Assert.Equal("\"StoreId\" = '00000000-0000-0000-0000-000000000000'", tables[0].Rows(Guid.Empty));
        Assert.Equal("\"Id\" = '00000000-0000-0000-0000-000000000000'", tables.Single(t => t.Name == "Stores").Rows(Guid.Empty));
    }
}
