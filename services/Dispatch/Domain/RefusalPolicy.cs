namespace Crm.Dispatch.Domain;

/// <summary>What one refusal leads to: the last day of the suspension (none when the store suspends for 0 days), and whether the designer is flagged for removal.</summary>
public sealed record RefusalConsequences(DateOnly? SuspendedUntil, int RefusalsInWindow, bool FlagForRemoval);

/// <summary>
/// A designer's refusal (拒单, domain.md §2 rule 4): suspended for the store's refusalSuspensionDays, the day
/// of the refusal counting as the first; removalRefusals refusals within removalWindowDays flag the designer
/// for removal (除名), which the store manager decides. A designer already flagged is not flagged again.
/// </summary>
public static class RefusalPolicy
{
    public static RefusalConsequences Consequences(DispatchSettings settings, DateOnly refusedOn, int earlierRefusalsInWindow, bool alreadyFlagged)
    {
        DateOnly? until = settings.RefusalSuspensionDays > 0 ? refusedOn.AddDays(settings.RefusalSuspensionDays - 1) : null;
        var refusals = earlierRefusalsInWindow + 1;
        return new RefusalConsequences(until, refusals, refusals >= settings.RemovalRefusals && !alreadyFlagged);
    }

    /// <summary>The earliest refusal that still counts toward removal at a moment.</summary>
    public static DateTimeOffset WindowStart(DispatchSettings settings, DateTimeOffset now) => now.AddDays(-settings.RemovalWindowDays);
}
