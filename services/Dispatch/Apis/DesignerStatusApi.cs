namespace Crm.Dispatch.Apis;

/// <summary>A designer's status (suspend, remove, reinstate, each with a reason), duty on a day, holdings and history.</summary>
public static class DesignerStatusApi
{
    public static Task<Results<Ok<DesignerResponse>, ValidationProblem, ProblemHttpResult>> Suspend(
        Guid id, StatusRequest request, DispatchDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(id, request, db, scope, clock, cancellationToken, "Suspended", needsUntil: true, (designer, store, now) =>
        {
            if (designer.Suspend(request.Until!.Value, store.LocalDate(now)) is { } refusal) return refusal;
            db.Publish(new DesignerSuspended
            {
                StoreId = store.Id, DesignerId = designer.Id, DesignerName = designer.Name, Until = designer.SuspendedUntil!.Value, Reason = request.Reason!.Trim(), At = now,
            }, clock);
            return null;
        });

    public static Task<Results<Ok<DesignerResponse>, ValidationProblem, ProblemHttpResult>> Remove(
        Guid id, StatusRequest request, DispatchDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(id, request, db, scope, clock, cancellationToken, "Removed", needsUntil: false, (designer, _, _) => designer.Remove());

    public static Task<Results<Ok<DesignerResponse>, ValidationProblem, ProblemHttpResult>> Reinstate(
        Guid id, StatusRequest request, DispatchDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(id, request, db, scope, clock, cancellationToken, "Reinstated", needsUntil: false, (designer, store, now) => designer.Reinstate(store.LocalDate(now)));

    /// <summary>A status move of the designer's (its rule in <see cref="Designer"/>), with its reason in the history; a refused move changes nothing.</summary>
    private static async Task<Results<Ok<DesignerResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, StatusRequest request, DispatchDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken,
        string action, bool needsUntil, Func<Designer, DispatchStore, DateTimeOffset, Violation?> move)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Reason)) errors.Add("reason", "Say why: the designer's history keeps the reason.");
        else if (request.Reason.Length > TextLimits.Reason) errors.Add("reason", $"At most {TextLimits.Reason} characters.");
        if (needsUntil && request.Until is null) errors.Add("until", "The last day of the suspension (yyyy-MM-dd).");
        if (!needsUntil && request.Until is not null) errors.Add("until", "Only a suspension has a last day.");
        var found = await db.Designers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (found is null) return Problems.NotFound("designer");
        if (errors.Any) return Problems.Invalid(errors);

        return await StoreTransaction.RunAsync<Results<Ok<DesignerResponse>, ValidationProblem, ProblemHttpResult>>(
            db, found.StoreId, Problems.NotFound("designer"), cancellationToken, async store =>
            {
                var now = clock.GetUtcNow();
                var designer = await db.Designers.SingleAsync(d => d.Id == id, cancellationToken);
                if (move(designer, store, now) is { } refusal) return Problems.Refused(refusal);
                var details = needsUntil ? $"until {designer.SuspendedUntil:yyyy-MM-dd}" : action;
                db.DesignerHistory.Add(DesignerHistory.Record(designer, action, details, request.Reason!.Trim(), scope.ActorName, now));
                var today = store.LocalDate(now);
                return TypedResults.Ok(DesignerResponse.From(designer, today, await db.OnDutyAsync(designer.Id, today, cancellationToken)));
            });
    }

    public static async Task<Results<Ok<DutyResponse>, ValidationProblem, ProblemHttpResult>> RecordDuty(
        Guid id, DutyRequest request, DispatchDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var found = await db.Designers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (found is null) return Problems.NotFound("designer");
        var errors = new FieldErrors();
        if (request.Date is null) errors.Add("date", "The day of the morning meeting (yyyy-MM-dd).");
        if (request.OnDuty is null) errors.Add("onDuty", "Whether the designer is on duty that day.");
        if (errors.Any) return Problems.Invalid(errors);

        return await StoreTransaction.RunAsync<Results<Ok<DutyResponse>, ValidationProblem, ProblemHttpResult>>(
            db, found.StoreId, Problems.NotFound("designer"), cancellationToken, async store =>
        {
            var now = clock.GetUtcNow();
            var designer = await db.Designers.SingleAsync(d => d.Id == id, cancellationToken);
            var record = await db.Duties.FirstOrDefaultAsync(d => d.DesignerId == id && d.Day == request.Date, cancellationToken);
            if (record is null) db.Duties.Add(record = DesignerDuty.Record(designer, request.Date!.Value, request.OnDuty!.Value, scope.ActorName, now));
            else if (record.OnDuty != request.OnDuty) record.Change(request.OnDuty!.Value, scope.ActorName, now);
            else return TypedResults.Ok(new DutyResponse(id, record.Day, record.OnDuty, record.RecordedBy, record.RecordedAt));
            db.DesignerHistory.Add(DesignerHistory.Record(designer, "Duty", $"{(record.OnDuty ? "on duty" : "off duty")} on {record.Day:yyyy-MM-dd}", null, scope.ActorName, now));
            return TypedResults.Ok(new DutyResponse(id, record.Day, record.OnDuty, record.RecordedBy, record.RecordedAt));
        });
    }

    public static async Task<Results<Ok<HoldingsResponse>, ProblemHttpResult>> Holdings(
        Guid id, DispatchDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        // A designer sees their own holdings only.
        if (scope.IsDesigner && scope.DesignerId != id) return Problems.NotFound("designer");
        var designer = await db.Designers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (designer is null) return Problems.NotFound("designer");
        var settings = await db.SettingsAsync(designer.StoreId, cancellationToken);
        var now = clock.GetUtcNow();
        var files = await db.CustomerFiles.AsNoTracking().Where(f => f.DesignerId == id && f.SignedAt == null && f.ClosedAt == null).ToListAsync(cancellationToken);
        HeldCustomer Held(CustomerFile f) => new(f.CustomerId, f.CustomerNo, f.DepositPaidAt, f.ProposalAt, f.OffPlan);
        // Off-plan proposals as old as stalled ones, listed apart because they do not count (期房客户除外).
        var offPlan = files.Where(f => f.OffPlan && f.ProposalAt < now.AddDays(-settings.StalledProposalDays));
        return TypedResults.Ok(new HoldingsResponse(id, settings.HoldingCap, files.Where(f => f.IsHolding).Select(Held).ToList(),
            settings.StalledProposalCount, settings.StalledProposalDays,
            files.Where(f => f.IsStalledProposal(now, settings.StalledProposalDays)).Select(Held).ToList(), offPlan.Select(Held).ToList()));
    }

    public static async Task<Results<Ok<IReadOnlyList<HistoryResponse>>, ProblemHttpResult>> History(Guid id, DispatchDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Designers.AnyAsync(d => d.Id == id, cancellationToken)) return Problems.NotFound("designer");
        var history = await db.DesignerHistory.AsNoTracking().Where(h => h.DesignerId == id).OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<HistoryResponse>>(history.ConvertAll(h => new HistoryResponse(h.Action, h.Details, h.Reason, h.By, h.At)));
    }
}
