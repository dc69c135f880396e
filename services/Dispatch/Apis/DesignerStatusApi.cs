namespace Crm.Dispatch.Apis;

/// <summary>A designer's status (suspend, remove, reinstate, each with a reason), duty on a day, holdings and history.</summary>
public static class DesignerStatusApi
{
    public static Task<Results<Ok<DesignerResponse>, ValidationProblem, ProblemHttpResult>> Suspend(
        Guid id, StatusRequest request, ChangeDesignerStatus change, CancellationToken cancellationToken) =>
        MoveAsync(id, request, ChangeDesignerStatus.Move.Suspend, change, cancellationToken);

    public static Task<Results<Ok<DesignerResponse>, ValidationProblem, ProblemHttpResult>> Remove(
        Guid id, StatusRequest request, ChangeDesignerStatus change, CancellationToken cancellationToken) =>
        MoveAsync(id, request, ChangeDesignerStatus.Move.Remove, change, cancellationToken);

    public static Task<Results<Ok<DesignerResponse>, ValidationProblem, ProblemHttpResult>> Reinstate(
        Guid id, StatusRequest request, ChangeDesignerStatus change, CancellationToken cancellationToken) =>
        MoveAsync(id, request, ChangeDesignerStatus.Move.Reinstate, change, cancellationToken);

    private static async Task<Results<Ok<DesignerResponse>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        Guid id, StatusRequest request, ChangeDesignerStatus.Move move, ChangeDesignerStatus change, CancellationToken cancellationToken)
    {
        if (request.Check(move) is { Any: true } errors) return Problems.Invalid(errors);
        return await change.HandleAsync(request.ToCommand(id, move), cancellationToken).AnswerAsync(d => TypedResults.Ok(DesignerResponse.From(d)));
    }

    public static async Task<Results<Ok<DutyResponse>, ValidationProblem, ProblemHttpResult>> RecordDuty(
        Guid id, DutyRequest request, RecordDuty record, CancellationToken cancellationToken)
    {
        if (request.Check() is { Any: true } errors) return Problems.Invalid(errors);
        return await record.HandleAsync(new(id, request.Date!.Value, request.OnDuty!.Value), cancellationToken)
            .AnswerAsync(duty => TypedResults.Ok(DutyResponse.From(duty)));
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
