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
        // The query only narrows to files that can count; whether one does is the domain's rule.
        var files = await db.CustomerFiles.AsNoTracking()
            .Where(f => f.StoreId == storeId && f.DesignerId != null && f.SignedAt == null && f.ClosedAt == null && (f.DepositPaidAt != null || f.ProposalAt != null))
            .ToListAsync(cancellationToken);
        return designers.ConvertAll(d => new Candidate(d, !offDuty.Contains(d.Id),
            files.Count(f => f.DesignerId == d.Id && f.IsHolding),
            files.Count(f => f.DesignerId == d.Id && f.IsStalledProposal(now, settings.StalledProposalDays))));
    }

    public static async Task<DispatchSettings> SettingsAsync(this DispatchDbContext db, Guid storeId, CancellationToken cancellationToken) =>
        await db.Settings.FirstOrDefaultAsync(s => s.StoreId == storeId, cancellationToken) ?? DispatchSettings.Defaults(storeId);

    /// <summary>The rules' decision for the customer now, assigning nothing: a suggestion is exactly this.</summary>
    public static async Task<DispatchDecision> DecideAsync(
        this DispatchDbContext db, DispatchStore store, CustomerFile file, DispatchKind kind, string requestedBy, DateTimeOffset now,
        CancellationToken cancellationToken, Guid? namedDesignerId = null, string? reason = null, Guid? excludedDesignerId = null)
    {
        var today = store.LocalDate(now);
        var settings = await db.SettingsAsync(store.Id, cancellationToken);
        var candidates = (await db.CandidatesAsync(store.Id, settings, today, now, cancellationToken))
            .Where(c => c.Designer.Id != excludedDesignerId).ToList();
        return Dispatcher.Decide(candidates, DispatchCustomer.From(file), settings,
            new Dispatcher.Request(kind, requestedBy, now, today, namedDesignerId, reason));
    }

    /// <summary>Decides for the customer and, when a designer is chosen, offers the customer to them and announces it.</summary>
    public static async Task<(DispatchDecision Decision, Assignment? Assignment)> DispatchAsync(
        this DispatchDbContext db, DispatchStore store, CustomerFile file, DispatchKind kind, string requestedBy, TimeProvider clock,
        CancellationToken cancellationToken, Guid? namedDesignerId = null, string? reason = null, Guid? excludedDesignerId = null)
    {
        var now = clock.GetUtcNow();
        var decision = await db.DecideAsync(store, file, kind, requestedBy, now, cancellationToken, namedDesignerId, reason, excludedDesignerId);
        return (decision, db.Offer(store, file, decision, kind, now, clock));
    }

    /// <summary>
    /// Offers the customer to the designer the decision chose, if any, and announces it. The chosen designer's
    /// rotation changes in the tracked entity, so candidates read before stay right for the store's next decision.
    /// </summary>
    public static Assignment? Offer(this DispatchDbContext db, DispatchStore store, CustomerFile file, DispatchDecision decision, DispatchKind kind, DateTimeOffset now, TimeProvider clock)
    {
        if (decision.Chosen is not { } designer) return null;
        var assignment = Assignment.Offer(file.CustomerId, designer, decision.Trace, store.LocalDate(now));
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
            Kind = kind,
            DecidingRule = assignment.DecidingRule,
            Override = assignment.IsOverride,
            Decision = decision.Trace.Decision,
        }, clock);
        return assignment;
    }
}
