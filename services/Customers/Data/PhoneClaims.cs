using Npgsql;

namespace Crm.Customers.Data;

/// <summary>A phone number held by a customer of the chain: the home database's "PhoneClaims" holds each number once.</summary>
public sealed class PhoneClaim
{
    public string Phone { get; private set; } = "";
    public Guid CustomerId { get; private set; }
    public Guid StoreId { get; private set; }
    public DateTimeOffset ClaimedAt { get; private set; }
}

/// <summary>
/// Who holds a number: the customer, their store and number. <see cref="CustomerNo"/> is null while the customer is not
/// stored yet; <see cref="Moved"/> says the customer has another number now (the claim was left behind).
/// </summary>
public sealed record PhoneHolder(Guid CustomerId, Guid StoreId, string? CustomerNo, DateTimeOffset ClaimedAt, bool Moved = false);

/// <summary>
/// One phone number is one customer across the whole chain (domain.md §1), whose customers are spread over database
/// shards: no shard's unique index sees the others. A number is claimed in the home database before the customer who
/// gets it is stored on their store's shard, and released if that fails. A claim whose customer never appeared (its
/// service stopped in between) is taken over once it is older than <see cref="StaleAfter"/>; one whose customer has
/// another number now, at once.
/// </summary>
public sealed class PhoneClaims(DatabaseShards shards, StorePlacements placements, TimeProvider clock) : IAsyncDisposable
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<string, NpgsqlDataSource> _databases =
        shards.Names.ToDictionary(n => n, n => NpgsqlDataSource.Create(shards.ConnectionString(n)), StringComparer.Ordinal);

    /// <summary>
    /// Takes the number for the customer: null when it is theirs now (<paramref name="taken"/> says whether this call took
    /// it), else the customer who holds it. A claim still being registered is waited for, a stale one taken over.
    /// </summary>
    public async Task<PhoneHolder?> ClaimAsync(string phone, Guid customerId, Guid storeId, Action<bool> taken, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var insert = Home.CreateCommand("""
                INSERT INTO "PhoneClaims" ("Phone", "CustomerId", "StoreId", "ClaimedAt") VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING
                """);
            insert.Parameters.AddWithValue(phone);
            insert.Parameters.AddWithValue(customerId);
            insert.Parameters.AddWithValue(storeId);
            insert.Parameters.AddWithValue(clock.GetUtcNow());
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                taken(true);
                return null;
            }
            var holder = await HolderAsync(phone, cancellationToken);
            if (holder is null) continue;
            if (holder.CustomerId == customerId)
            {
                taken(false);
                return null;
            }
            if (holder is { CustomerNo: not null, Moved: false }) return holder;
            if (!holder.Moved && clock.GetUtcNow() - holder.ClaimedAt < StaleAfter)
            {
                await Task.Delay(Poll, clock, cancellationToken);
                continue;
            }
            await using var takeOver = Home.CreateCommand("""
                UPDATE "PhoneClaims" SET "CustomerId" = $3, "StoreId" = $4, "ClaimedAt" = $5 WHERE "Phone" = $1 AND "CustomerId" = $2
                """);
            takeOver.Parameters.AddWithValue(phone);
            takeOver.Parameters.AddWithValue(holder.CustomerId);
            takeOver.Parameters.AddWithValue(customerId);
            takeOver.Parameters.AddWithValue(storeId);
            takeOver.Parameters.AddWithValue(clock.GetUtcNow());
            if (await takeOver.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                taken(true);
                return null;
            }
        }
    }

    /// <summary>Gives the number up, if the customer holds it.</summary>
    public async Task ReleaseAsync(string phone, Guid customerId)
    {
        await using var delete = Home.CreateCommand("""DELETE FROM "PhoneClaims" WHERE "Phone" = $1 AND "CustomerId" = $2""");
        delete.Parameters.AddWithValue(phone);
        delete.Parameters.AddWithValue(customerId);
        await delete.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>Who holds the number, with the customer as stored on their store's shard.</summary>
    public async Task<PhoneHolder?> HolderAsync(string phone, CancellationToken cancellationToken)
    {
        await using var select = Home.CreateCommand("""SELECT "CustomerId", "StoreId", "ClaimedAt" FROM "PhoneClaims" WHERE "Phone" = $1""");
        select.Parameters.AddWithValue(phone);
        Guid customerId, storeId;
        DateTimeOffset claimedAt;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken)) return null;
            (customerId, storeId, claimedAt) = (reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2));
        }
        var shard = (await placements.FindAsync(storeId, cancellationToken))?.Shard ?? DatabaseShards.Home;
        await using var customer = _databases[shard].CreateCommand("""SELECT "CustomerNo", "Phone" FROM "Customers" WHERE "Id" = $1""");
        customer.Parameters.AddWithValue(customerId);
        await using var row = await customer.ExecuteReaderAsync(cancellationToken);
        if (!await row.ReadAsync(cancellationToken)) return new PhoneHolder(customerId, storeId, null, claimedAt);
        return new PhoneHolder(customerId, storeId, row.GetString(0), claimedAt, Moved: row.GetString(1) != phone);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases.Values) await database.DisposeAsync();
    }

    private NpgsqlDataSource Home => _databases[DatabaseShards.Home];
}
