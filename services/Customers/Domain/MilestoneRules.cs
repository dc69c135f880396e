namespace Crm.Customers.Domain;

/// <summary>
/// The order rules of §1. Milestones need not come in the list's order, but a review needs a signed
/// contract, construction needs a review, completion needs construction, and nothing follows Lost,
/// Invalidated or Completed except a reopen with a reason.
/// </summary>
public static class MilestoneRules
{
    private static readonly MilestoneType[] Closing = [MilestoneType.Lost, MilestoneType.Invalidated, MilestoneType.Completed];

    /// <summary>Why the milestone may not be recorded now (409 invalid-transition), or null when it may.</summary>
    public static Violation? Refusal(IReadOnlyCollection<Milestone> history, MilestoneType type, DateTimeOffset at) =>
        Reason(history, type, at) is { } reason ? Violation.Transition(reason) : null;

    private static string? Reason(IReadOnlyCollection<Milestone> history, MilestoneType type, DateTimeOffset at)
    {
        var closedBy = ClosedBy(history);
        if (closedBy is not null)
        {
            if (type != MilestoneType.Reopened)
                return $"The customer is {closedBy.Type} since {closedBy.At:yyyy-MM-dd}; only a reopen with a reason may follow.";
            return at < closedBy.At ? $"The reopen cannot be earlier than the {closedBy.Type} it reopens." : null;
        }

        return type switch
        {
            MilestoneType.Reopened => "Only a lost, invalidated or completed customer can be reopened.",
            MilestoneType.ContractSigned => Once(history, type),
            MilestoneType.Reviewed => Once(history, type) ?? After(history, MilestoneType.ContractSigned, type, at),
            MilestoneType.ConstructionStarted => Once(history, type) ?? After(history, MilestoneType.Reviewed, type, at),
            MilestoneType.Completed => After(history, MilestoneType.ConstructionStarted, type, at),
            MilestoneType.Invalidated when Latest(history, MilestoneType.ContractSigned) is { } signed =>
                $"The customer signed a contract on {signed.At:yyyy-MM-dd}; a customer with a contract is lost, not invalid.",
            _ => null,
        };
    }

    /// <summary>The furthest milestone reached (§1): a close wins, then the furthest of the others.</summary>
    public static CustomerStage Stage(IReadOnlyCollection<Milestone> history, bool met)
    {
        if (ClosedBy(history) is { } closed) return Enum.Parse<CustomerStage>(closed.Type.ToString());
        var progress = history.Where(m => m.Type is not (MilestoneType.Lost or MilestoneType.Invalidated or MilestoneType.Reopened))
            .Select(m => Enum.Parse<CustomerStage>(m.Type.ToString())).ToList();
        if (progress.Count > 0) return progress.Max();
        return met ? CustomerStage.Registered : CustomerStage.AssignedToStore;
    }

    /// <summary>The close in force: the last close in recording order, unless a reopen came after it.</summary>
    public static Milestone? ClosedBy(IEnumerable<Milestone> history)
    {
        var last = history.Where(m => Closing.Contains(m.Type) || m.Type == MilestoneType.Reopened)
            .OrderBy(m => m.RecordedAt).ThenBy(m => m.Id).LastOrDefault();
        return last is null || last.Type == MilestoneType.Reopened ? null : last;
    }

    private static string? Once(IReadOnlyCollection<Milestone> history, MilestoneType type) =>
        Latest(history, type) is { } earlier ? $"{type} was already recorded on {earlier.At:yyyy-MM-dd}." : null;

    private static string? After(IReadOnlyCollection<Milestone> history, MilestoneType needed, MilestoneType type, DateTimeOffset at)
    {
        var prerequisite = Latest(history, needed);
        if (prerequisite is null) return $"{type} needs {needed} first.";
        return at < prerequisite.At ? $"{type} cannot be earlier than {needed} ({prerequisite.At:yyyy-MM-dd HH:mm})." : null;
    }

    private static Milestone? Latest(IEnumerable<Milestone> history, MilestoneType type) =>
        history.Where(m => m.Type == type).OrderBy(m => m.At).LastOrDefault();
}
