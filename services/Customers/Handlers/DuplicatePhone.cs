namespace Crm.Customers.Handlers;

/// <summary>One phone number is one customer across the chain: the 409 that names the existing customer.</summary>
internal static class DuplicatePhone
{
    /// <summary>The dedupe is chain-wide, so it looks past the caller's store; it discloses only number and store.</summary>
    public static async Task<Violation?> FindAsync(CustomerDbContext db, string phone, Guid requestStoreId, Guid? except, CancellationToken cancellationToken)
    {
        var existing = await db.Customers.IgnoreQueryFilters().Where(c => c.Phone == phone && c.Id != except)
            .Select(c => new { c.Id, c.CustomerNo, c.StoreId }).FirstOrDefaultAsync(cancellationToken);
        return existing is null ? null : Conflict(existing.Id, existing.CustomerNo, existing.StoreId, requestStoreId);
    }

    /// <summary>
    /// The same phone registered at the same moment elsewhere: the database's unique index refuses the later one,
    /// which is answered as the conflict it is.
    /// </summary>
    public static async Task<Outcome<T>> GuardAsync<T>(CustomerDbContext db, string phone, Guid requestStoreId, Guid? except, Func<Task<Outcome<T>>> work, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, phone, requestStoreId, except, cancellationToken) is { } taken) return taken;
        try
        {
            return await work();
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return await FindAsync(db, phone, requestStoreId, except, cancellationToken)
                ?? throw new InvalidOperationException("A phone number conflict was reported but no customer holds the number.", ex);
        }
    }

    /// <summary>
    /// Another store's customer is named by number and store only, never by its details (domain.md §1).
    /// The own store's customer is named by id, so that a returning customer's visit can be recorded on it.
    /// </summary>
    private static Violation Conflict(Guid id, string customerNo, Guid ownerStoreId, Guid requestStoreId) =>
        Violation.Conflict("duplicate-phone", ownerStoreId == requestStoreId
                ? $"The phone number belongs to customer {customerNo}. A returning customer is recorded as a visit: POST /api/customers/{id}/visits."
                : $"The phone number belongs to customer {customerNo} of another store.",
            ownerStoreId == requestStoreId
                ? new Dictionary<string, object?> { ["customerId"] = id, ["customerNo"] = customerNo, ["storeId"] = ownerStoreId }
                : new Dictionary<string, object?> { ["customerNo"] = customerNo, ["storeId"] = ownerStoreId });
}
