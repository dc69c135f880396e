using System.Globalization;

namespace Crm.Dispatch.Domain;

/// <summary>What the rules decided: the designer (none when nobody is eligible), and the trace that explains it.</summary>
public sealed record DispatchDecision(Designer? Chosen, DispatchTrace Trace);

/// <summary>
/// One dispatch decision from the store's designers, the customer and the store's settings: eligibility,
/// then ranking, then the trace in words. A suggestion, an automatic dispatch and a manual one are the
/// same computation; a manual choice of another designer than the rules' is an override and needs a reason.
/// </summary>
public static class Dispatcher
{
    public sealed record Request(DispatchKind Kind, string RequestedBy, DateTimeOffset At, DateOnly Today, Guid? NamedDesignerId = null, string? Reason = null);

    public static DispatchDecision Decide(IReadOnlyList<Candidate> candidates, DispatchCustomer customer, DispatchSettings settings, Request request)
    {
        var exclusions = candidates.ToDictionary(c => c.Designer.Id, c => Eligibility.Exclusion(c, customer, settings, request.Today));
        var ranked = DesignerRanking.Rank(candidates.Where(c => exclusions[c.Designer.Id] is null).ToList(), customer, settings);
        var big = settings.IsBigOrder(customer.Budget, customer.AreaM2);
        var rulesChoice = ranked.FirstOrDefault();
        var rule = rulesChoice is null ? (DispatchRule?)null : DesignerRanking.Decider(ranked, customer, settings);

        var named = request.NamedDesignerId is { } id ? candidates.FirstOrDefault(c => c.Designer.Id == id) : null;
        var isOverride = named is not null && named != rulesChoice;
        var chosen = named ?? rulesChoice;

        var decision = chosen is null && candidates.Count == 0 ? "The store has no designers on its roster."
            : chosen is null
            ? $"No designer is eligible: {string.Join("; ", candidates.Select(c => $"{c.Designer.Name} {exclusions[c.Designer.Id]!.Value.Why}"))}."
            : isOverride
                ? $"{chosen.Designer.Name} was named by {request.RequestedBy}, overriding the rules" +
                  (rulesChoice is null ? ", under which nobody is eligible" : $", which would have chosen {rulesChoice.Designer.Name}") + $": {request.Reason}"
                : $"{chosen.Designer.Name}: {Words(rule!.Value, chosen, ranked, customer, settings)}.";
        if (customer.RequestedDesignerId is { } asked && chosen?.Designer.Id != asked && candidates.FirstOrDefault(c => c.Designer.Id == asked) is { } requested)
            decision += $" The customer asked for {requested.Designer.Name}, who " +
                (exclusions[asked] is { } why ? why.Why + "." : "was not chosen.");

        var designers = candidates.Select(c =>
        {
            var exclusion = exclusions[c.Designer.Id];
            var rank = ranked.IndexOf(c);
            var explanation = c == chosen
                ? (!isOverride ? "Chosen: " + Words(rule!.Value, c, ranked, customer, settings) + "."
                    : exclusion is { } why ? $"Chosen by hand although the designer {why.Why}: {request.Reason}" : $"Chosen by hand: {request.Reason}")
                : exclusion is { } ex ? $"Not eligible: the designer {ex.Why}."
                : rank == 0 ? $"Eligible and first by the rules ({Words(rule!.Value, c, ranked, customer, settings)}), but another designer was named by hand."
                : $"Eligible, ranked {rank + 1} of {ranked.Count}: {WhyBehind(c, ranked[rank - 1], customer, settings)}.";
            return new DesignerTrace(c.Designer.Id, c.Designer.Name, c.Designer.Level, c.Designer.ChargesDesignFee, exclusion is null, exclusion?.Rule,
                rank >= 0 ? rank + 1 : null, c.Holdings, c.StalledProposals, c.Designer.LastDispatchedAt, explanation);
        }).OrderBy(d => d.Rank ?? int.MaxValue).ToList();

        var trace = new DispatchTrace(request.Kind, request.RequestedBy, request.At, big, chosen?.Designer.Id,
            isOverride ? DispatchRule.Manual : rule, decision, isOverride, isOverride ? request.Reason : null, designers);
        return new DispatchDecision(chosen?.Designer, trace);
    }

    /// <summary>Why the rules chose this designer: each step of the choice that narrowed the field, in order.</summary>
    private static string Words(DispatchRule rule, Candidate chosen, IReadOnlyList<Candidate> ranked, DispatchCustomer customer, DispatchSettings settings)
    {
        if (rule == DispatchRule.RequestedDesigner) return "the customer asked for this designer, who is eligible";
        if (ranked.Count == 1) return "the only eligible designer";
        var steps = new List<string>();
        IEnumerable<Candidate> pool = ranked;
        if (settings.IsBigOrder(customer.Budget, customer.AreaM2) && DesignerRanking.IsSeniorOrFeeCharging(chosen.Designer, settings)
            && pool.Any(c => !DesignerRanking.IsSeniorOrFeeCharging(c.Designer, settings)))
        {
            steps.Add($"a big order ({BigOrderFigures(customer, settings)}) goes first to designers of level {settings.BigOrderMinLevel} or above and fee-charging designers");
            pool = pool.Where(c => DesignerRanking.IsSeniorOrFeeCharging(c.Designer, settings)).ToList();
        }
        if (DesignerRanking.Fits(chosen.Designer, customer) && pool.Any(c => !DesignerRanking.Fits(c.Designer, customer)))
        {
            steps.Add($"{(steps.Count > 0 ? "of those, " : "")}this designer's styles or notes fit the customer ({Fit(customer)})");
            pool = pool.Where(c => DesignerRanking.Fits(c.Designer, customer)).ToList();
        }
        var left = pool.Count();
        steps.Add(left == 1 ? "and this designer is the only one left"
            : $"{(steps.Count > 0 ? "and of the " + left + " left" : "of the " + left + " eligible designers")}, waited longest since the last dispatch ({Last(chosen.Designer)})");
        return string.Join("; ", steps);
    }

    /// <summary>Why an eligible designer stands behind the one ranked just before them.</summary>
    private static string WhyBehind(Candidate behind, Candidate ahead, DispatchCustomer customer, DispatchSettings settings)
    {
        if (ahead.Designer.Id == customer.RequestedDesignerId) return $"the customer asked for {ahead.Designer.Name}";
        if (settings.IsBigOrder(customer.Budget, customer.AreaM2) && DesignerRanking.IsSeniorOrFeeCharging(ahead.Designer, settings)
            && !DesignerRanking.IsSeniorOrFeeCharging(behind.Designer, settings))
            return $"a big order ({BigOrderFigures(customer, settings)}) goes first to level {settings.BigOrderMinLevel}+ or fee-charging designers, and this designer is neither";
        if (DesignerRanking.Fits(ahead.Designer, customer) && !DesignerRanking.Fits(behind.Designer, customer))
            return $"their styles ({string.Join(", ", behind.Designer.Styles)}) do not fit the customer ({Fit(customer)})";
        if (behind.Designer.LastDispatchSequence != ahead.Designer.LastDispatchSequence)
            return $"waited less: last dispatched {Last(behind.Designer)}, after {ahead.Designer.Name} ({Last(ahead.Designer)})";
        if (behind.Holdings != ahead.Holdings) return $"waited as long as {ahead.Designer.Name} but holds more customers ({behind.Holdings} to {ahead.Holdings})";
        return $"placed equally with {ahead.Designer.Name}; the designer id decides";
    }

    private static string Last(Designer designer) =>
        designer.LastDispatchedAt is { } at ? at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "never";

    private static string BigOrderFigures(DispatchCustomer customer, DispatchSettings settings) =>
        customer.Budget >= settings.BigOrderBudget
            ? $"budget ¥{customer.Budget:#,0} ≥ ¥{settings.BigOrderBudget:#,0}"
            : $"area {customer.AreaM2:0.##} m² ≥ {settings.BigOrderArea:0.##} m²";

    private static string Fit(DispatchCustomer customer) =>
        string.Join("; ", new[] { customer.Styles.Count > 0 ? "styles " + string.Join(", ", customer.Styles) : null, customer.SpecialRequest is null ? null : "request: " + customer.SpecialRequest }
            .Where(s => s is not null));
}
