using System.Globalization;

namespace Crm.Customers.Apis;

/// <summary>One line of a customer's story: what happened, when, who did it, and its figures.</summary>
public sealed record TimelineEntry(
    DateTimeOffset At, string Kind, string Summary, string? By,
    decimal? Amount = null, DepositKind? DepositKind = null, decimal? AreaM2 = null, string? Reason = null, string? DesignerName = null);

/// <summary>
/// The customer's whole story in time order: registration and visits, milestones, dispatches, changes of
/// basic information, and what the other services told (follow-ups, contracts, assignments).
/// </summary>
public static class TimelineApi
{
    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, ProblemHttpResult>> Get(
        Guid id, CustomerDbContext db, StoreScope scope, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().Include(c => c.Milestones).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null) return Problems.NotFound("customer");

        var visits = await db.Visits.AsNoTracking().Where(v => v.CustomerId == id).ToListAsync(cancellationToken);
        var dispatches = await db.Dispatches.AsNoTracking().Where(d => d.CustomerId == id).ToListAsync(cancellationToken);
        var notes = await db.Notes.AsNoTracking().Where(n => n.CustomerId == id).ToListAsync(cancellationToken);
        // Designers see the story of the work, not the edits of contact details they may not read in full.
        var changes = scope.IsDesigner ? [] : await db.Changes.AsNoTracking().Where(c => c.CustomerId == id).ToListAsync(cancellationToken);

        var entries = new List<TimelineEntry>
        {
            new(customer.RegisteredAt, "Registered", $"Registered as {customer.CustomerNo} ({customer.Source}).", customer.RegisteredByName),
        };
        entries.AddRange(visits.Where(v => v.Returning || v.At != customer.RegisteredAt).Select(v =>
            new TimelineEntry(v.At, "Visit", $"{(v.Returning ? "Returned" : "Met")} ({v.Channel}){(v.Note is null ? "" : ": " + v.Note)}", v.RecordedByName)));
        entries.AddRange(customer.Milestones.Select(m =>
            new TimelineEntry(m.At, m.Type.ToString(), Describe(m), m.RecordedByName, m.Amount, m.DepositKind, m.AreaM2, m.Reason)));
        entries.AddRange(dispatches.Select(d =>
            new TimelineEntry(d.DispatchedAt, "Dispatched", $"Dispatched to designer {d.DesignerName}.{(d.Decision.Length > 0 ? " " + d.Decision : "")}", null, DesignerName: d.DesignerName)));
        entries.AddRange(changes.Select(c =>
            new TimelineEntry(c.ChangedAt, "InfoChanged", $"{c.Field}: {c.Before ?? "—"} → {c.After ?? "—"}", c.ChangedByName, Reason: c.Reason)));
        entries.AddRange(notes.Select(n => new TimelineEntry(n.At, n.Kind, n.Summary, n.By)));

        return TypedResults.Ok<IReadOnlyList<TimelineEntry>>(entries.OrderBy(e => e.At).ToList());
    }

    private static string Describe(Milestone m) => m.Type switch
    {
        MilestoneType.DepositPaid => $"Deposit of {Yuan(m.Amount)} paid ({m.DepositKind}).",
        MilestoneType.DesignFeePaid => $"Design fee of {Yuan(m.Amount)} paid.",
        MilestoneType.Quoted => $"Quote of {Yuan(m.Amount)} delivered.",
        MilestoneType.ContractSigned => $"Contract of {Yuan(m.Amount)} signed for {m.AreaM2:0.##} m².",
        MilestoneType.Lost => $"Lost{(m.Competitor is null ? "" : " to " + m.Competitor)}: {m.Reason}",
        MilestoneType.Invalidated => $"Marked invalid: {m.Reason}",
        MilestoneType.Reopened => $"Reopened: {m.Reason}",
        MilestoneType.Measured => "House measured.",
        MilestoneType.DrawingsIssued => "Design drawings delivered.",
        MilestoneType.Reviewed => "Contract approved by the store manager.",
        MilestoneType.ConstructionStarted => "Construction started.",
        MilestoneType.Completed => "Construction completed.",
        _ => m.Type.ToString(),
    };

    private static string Yuan(decimal? amount) => "¥" + (amount ?? 0).ToString("#,0.00", CultureInfo.InvariantCulture);
}
