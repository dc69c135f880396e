namespace Crm.Dispatch.Domain;

/// <summary>
/// Whether a designer may receive a customer (domain.md §2, eligibility): same store, active, on duty,
/// under the holding cap, fewer stalled proposals than the limit, not suspended. The first rule that
/// fails excludes the designer, with the words the trace shows.
/// </summary>
public static class Eligibility
{
    public static (DispatchRule Rule, string Why)? Exclusion(Candidate candidate, DispatchCustomer customer, DispatchSettings settings, DateOnly today)
    {
        var designer = candidate.Designer;
        if (designer.StoreId != customer.StoreId) return (DispatchRule.OtherStore, "works in another store");
        switch (designer.StatusOn(today))
        {
            case DesignerStatus.Removed:
                return (DispatchRule.Removed, "has been removed from the roster");
            case DesignerStatus.Suspended:
                return (DispatchRule.Suspended, $"is suspended until {designer.SuspendedUntil:yyyy-MM-dd}");
        }
        if (!candidate.OnDuty) return (DispatchRule.NotOnDuty, $"is not on duty on {today:yyyy-MM-dd}");
        if (candidate.Holdings >= settings.HoldingCap)
            return (DispatchRule.HoldingCap, $"holds {candidate.Holdings} deposit-paid unsigned customers (the cap is {settings.HoldingCap})");
        if (candidate.StalledProposals >= settings.StalledProposalCount)
            return (DispatchRule.StalledProposals,
                $"has {candidate.StalledProposals} proposals stalled more than {settings.StalledProposalDays} days (the limit is {settings.StalledProposalCount}; off-plan customers do not count)");
        return null;
    }
}
