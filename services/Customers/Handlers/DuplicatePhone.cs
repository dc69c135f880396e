namespace Crm.Customers.Handlers;

/// <summary>One phone number is one customer across the chain: the claim a number takes, and the 409 that names its holder.</summary>
public sealed class DuplicatePhone(CustomerDbContext db, PhoneClaims claims)
{
    /// <summary>
    /// Takes the number for the customer while <paramref name="work"/> stores them, and gives it up again if that is
    /// refused or fails; a number another customer holds is the conflict, and nothing is done.
    /// </summary>
    public async Task<Outcome<T>> GuardAsync<T>(string phone, Guid storeId, Guid customerId, Func<Task<Outcome<T>>> work, CancellationToken cancellationToken)
    {
        var taken = false;
        if (await ClaimAsync(phone, storeId, customerId, t => taken = t, cancellationToken) is { } conflict) return conflict;
        try
        {
            var outcome = await work();
            if (!outcome.Succeeded && taken) await claims.ReleaseAsync(phone, customerId);
            return outcome;
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The shard's own index refused the number: a customer stored before the chain's claims were kept.
            db.ChangeTracker.Clear();
            if (taken) await claims.ReleaseAsync(phone, customerId);
            var holder = await db.Customers.IgnoreQueryFilters().Where(c => c.Phone == phone).Select(c => new { c.Id, c.CustomerNo, c.StoreId }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new InvalidOperationException("A phone number conflict was reported but no customer holds the number.", ex);
            return Conflict(holder.Id, holder.CustomerNo, holder.StoreId, storeId);
        }
        catch
        {
            if (taken) await claims.ReleaseAsync(phone, customerId);
            throw;
        }
    }

    /// <summary>
    /// Takes the number for the customer inside a unit of work that is not finished yet (a consumer's): null when it is
    /// theirs, else the conflict. <paramref name="taken"/> says whether the claim is new, to be given up if the unit fails.
    /// </summary>
    public async Task<Violation?> ClaimAsync(string phone, Guid storeId, Guid customerId, Action<bool> taken, CancellationToken cancellationToken) =>
        await claims.ClaimAsync(phone, customerId, storeId, taken, cancellationToken) is { } holder
            ? Conflict(holder.CustomerId, holder.CustomerNo!, holder.StoreId, storeId)
            : null;

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
