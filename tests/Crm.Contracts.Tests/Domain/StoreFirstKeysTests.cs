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
}
