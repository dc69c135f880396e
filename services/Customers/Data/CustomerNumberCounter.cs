namespace Crm.Customers.Data;

/// <summary>The last customer sequence given out per store and year.</summary>
public sealed class CustomerNumberCounter
{
    public Guid StoreId { get; private set; }
    public int Year { get; private set; }
    public int LastSequence { get; private set; }

    /// <summary>
    /// Takes the next sequence for a store and year. The row lock it takes is held until the
    /// caller's transaction ends, so concurrent registrations get consecutive numbers, no gaps
    /// from rolled-back ones and no repeats.
    /// </summary>
    public static async Task<int> NextAsync(CustomerDbContext db, Guid storeId, int year, CancellationToken cancellationToken)
    {
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO "CustomerNumberCounters" ("StoreId", "Year", "LastSequence") VALUES ({storeId}, {year}, 1)
            ON CONFLICT ("StoreId", "Year") DO UPDATE SET "LastSequence" = "CustomerNumberCounters"."LastSequence" + 1
            RETURNING "LastSequence" AS "Value"
            """).ToListAsync(cancellationToken);
        return next.Single();
    }
}
