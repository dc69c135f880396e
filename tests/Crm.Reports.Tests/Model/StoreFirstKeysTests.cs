using Microsoft.EntityFrameworkCore;
using Crm.Reports.Data;

namespace Crm.Reports.Tests.Model;

/// <summary>The service's tables of a store's records are keyed by the store first (README, "PostgreSQL by store").</summary>
public sealed class StoreFirstKeysTests
{
    [Fact]
    public void Every_table_of_a_stores_records_is_keyed_by_its_store_first()
    {
        using var db = new ReportDbContext(new DbContextOptionsBuilder<ReportDbContext>().UseNpgsql("Host=localhost").Options, StoreScope.System);
        var keys = StoreFirstModel.Check(db);
        Assert.Equal(["StoreId", "Id"], keys["Completeness"]);
        Assert.Equal(["StoreId", "Month", "Stage"], keys["StageMonths"]);
        Assert.Equal(["StoreId", "TaskId", "At"], keys["TaskAssignees"]);
    }

    [Fact]
    public void A_stores_move_copies_its_facts_and_its_waiting_events_by_the_store_in_their_body()
    {
        using var db = new ReportDbContext(new DbContextOptionsBuilder<ReportDbContext>().UseNpgsql("Host=localhost").Options, StoreScope.System);
        var tables = Crm.Data.StoreTables.Of(db.Model).InKeyOrder.ToDictionary(t => t.Name);
        Assert.Equal("\"StoreId\" = '00000000-0000-0000-0000-000000000000'", tables["TaskAssignees"].Rows(Guid.Empty));
        Assert.Equal("\"Body\"->>'storeId' = '00000000-0000-0000-0000-000000000000'", tables["WaitingEvents"].Rows(Guid.Empty));
        Assert.False(tables["WaitingEvents"].KeepsIdentity);
        Assert.True(tables["Stores"].KeepsIdentity);
    }
}
