using Microsoft.EntityFrameworkCore;
using Crm.Followups.Data;

namespace Crm.Followups.Tests.Domain;

/// <summary>The service's tables of a store's records are keyed by the store first (README, "PostgreSQL by store").</summary>
public sealed class StoreFirstKeysTests
{
    [Fact]
    public void Every_table_of_a_stores_records_is_keyed_by_its_store_first()
    {
        using var db = new FollowupDbContext(new DbContextOptionsBuilder<FollowupDbContext>().UseNpgsql("Host=localhost").Options, StoreScope.System);
        var keys = StoreFirstModel.Check(db);
        Assert.Equal(["StoreId", "Id"], keys["Tasks"]);
        Assert.Equal(["StoreId", "Day"], keys["RuleRuns"]);
    }
}
