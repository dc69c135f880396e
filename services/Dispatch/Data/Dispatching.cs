namespace Crm.Dispatch.Data;

/// <summary>
/// Dispatch against the database: the store's designers as candidates (duty, holdings, stalled proposals
/// counted from the customer files), the decision of <see cref="Dispatcher"/>, and the assignment and its
/// event recorded. Callers hold the store's lock (<see cref="DispatchDbContext.LockStoreAsync"/>) in their
/// transaction, so that a store's dispatches are made one at a time across every instance of the service.
/// </summary>
public static class Dispatching
{
    public static async Task<List<Candidate>> CandidatesAsync(this DispatchDbContext db, Guid storeId, DispatchSettings settings, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var designers = await db.Designers.Where(d => d.StoreId == storeId).OrderBy(d => d.Name).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        var offDuty = await db.Duties.Where(d => d.StoreId == storeId && d.Day == today && !d.OnDuty).Select(d => d.DesignerId).ToListAsync(cancellationToken);
        var stalledBefore = now.AddDays(-settings.StalledProposalDays);
        var files = await db.CustomerFiles
            .Where(f => f.StoreId == storeId && f.DesignerId != null && f.SignedAt == null && f.ClosedAt == null
                && (f.DepositPaidAt != null || (!f.OffPlan && f.ProposalAt < stalledBefore)))
            .Select(f => new { f.DesignerId, Holding = f.DepositPaidAt != null, Stalled = !f.OffPlan && f.ProposalAt < stalledBefore })
            .ToListAsync(cancellationToken);
        return designers.ConvertAll(d => new Candidate(d, !offDuty.Contains(d.Id),
            files.Count(f => f.DesignerId == d.Id && f.Holding), files.Count(f => f.DesignerId == d.Id && f.Stalled)));
    }

    public static async Task<DispatchSettings> SettingsAsync(this DispatchDbContext db, Guid storeId, CancellationToken cancellationToken) =>
        await db.Settings.FirstOrDefaultAsync(s => s.StoreId == storeId, cancellationToken) ?? DispatchSettings.Defaults(storeId);

    /// <summary>Decides for the customer and, when a designer is chosen, offers the customer to them and announces it.</summary>
    public static async Task<(DispatchDecision Decision, Assignment? Assignment)> DispatchAsync(
        this DispatchDbContext db, StoreCopy store, CustomerFile file, DispatchKind kind, string requestedBy, TimeProvider clock,
        CancellationToken cancellationToken, Guid? namedDesignerId = null, string? reason = null, Guid? excludedDesignerId = null)
    {
        var now = clock.GetUtcNow();
        var today = store.LocalDate(now);
        var settings = await db.SettingsAsync(store.Id, cancellationToken);
        var candidates = (await db.CandidatesAsync(store.Id, settings, today, now, cancellationToken))
            .Where(c => c.Designer.Id != excludedDesignerId).ToList();
        var decision = Dispatcher.Decide(candidates, DispatchCustomer.From(file), settings,
            new Dispatcher.Request(kind, requestedBy, now, today, namedDesignerId, reason));
        if (decision.Chosen is not { } designer) return (decision, null);

        var assignment = Assignment.Offer(file.CustomerId, designer, decision.Trace, today);
        designer.RecordDispatch(now, store.NextDispatch());
        file.AssignTo(designer.Id);
        db.Assignments.Add(assignment);
        db.Publish(new CustomerDispatched
        {
            StoreId = store.Id,
            CustomerId = file.CustomerId,
            AssignmentId = assignment.Id,
            DesignerId = designer.Id,
            DesignerName = designer.Name,
            DispatchedAt = now,
            Kind = kind.ToString(),
            DecidingRule = assignment.DecidingRule.ToString(),
            Override = assignment.IsOverride,
            Decision = decision.Trace.Decision,
        }, clock);
        return (decision, assignment);
    }
}
