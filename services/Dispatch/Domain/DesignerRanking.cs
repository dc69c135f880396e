namespace Crm.Dispatch.Domain;

/// <summary>
/// The choice among eligible designers (domain.md §2), in order: the customer's requested designer;
/// for a big order, level ≥ the store's minimum or fee-charging designers (the rest only if none);
/// designers whose styles fit the customer's or the special request; then rotation — the longest wait
/// since the last dispatch, then fewer holdings, then designer id.
/// </summary>
public static class DesignerRanking
{
    /// <summary>The eligible designers best first, with the rule that placed each ahead of the next.</summary>
    public static List<Candidate> Rank(IReadOnlyList<Candidate> eligible, DispatchCustomer customer, DispatchSettings settings)
    {
        var big = settings.IsBigOrder(customer.Budget, customer.AreaM2);
        var anySenior = big && eligible.Any(c => IsSeniorOrFeeCharging(c.Designer, settings));
        var anyFit = eligible.Any(c => Fits(c.Designer, customer));
        return eligible
            .OrderBy(c => c.Designer.Id == customer.RequestedDesignerId ? 0 : 1)
            .ThenBy(c => anySenior && !IsSeniorOrFeeCharging(c.Designer, settings) ? 1 : 0)
            .ThenBy(c => anyFit && !Fits(c.Designer, customer) ? 1 : 0)
            .ThenBy(c => c.Designer.LastDispatchSequence.HasValue)
            .ThenBy(c => c.Designer.LastDispatchSequence)
            .ThenBy(c => c.Holdings)
            .ThenBy(c => c.Designer.Id)
            .ToList();
    }

    /// <summary>
    /// The rule that decided: the first of requested designer, big order and fit that set the chosen designer
    /// ahead of another eligible one; rotation when none did.
    /// </summary>
    public static DispatchRule Decider(IReadOnlyList<Candidate> ranked, DispatchCustomer customer, DispatchSettings settings)
    {
        var first = ranked[0];
        if (first.Designer.Id == customer.RequestedDesignerId) return DispatchRule.RequestedDesigner;
        if (settings.IsBigOrder(customer.Budget, customer.AreaM2) && IsSeniorOrFeeCharging(first.Designer, settings)
            && ranked.Any(c => !IsSeniorOrFeeCharging(c.Designer, settings))) return DispatchRule.BigOrder;
        if (Fits(first.Designer, customer) && ranked.Any(c => !Fits(c.Designer, customer))) return DispatchRule.Fit;
        return DispatchRule.Rotation;
    }

    public static bool IsSeniorOrFeeCharging(Designer designer, DispatchSettings settings) =>
        (int)designer.Level >= settings.BigOrderMinLevel || designer.ChargesDesignFee;

    /// <summary>
    /// A designer fits when one of their styles is one of the customer's, or when the special request and the
    /// designer's styles or notes share a term (terms are split at spaces and punctuation; notes should name strengths).
    /// </summary>
    public static bool Fits(Designer designer, DispatchCustomer customer)
    {
        if (designer.Styles.Intersect(customer.Styles, StringComparer.OrdinalIgnoreCase).Any()) return true;
        if (string.IsNullOrWhiteSpace(customer.SpecialRequest)) return false;
        var request = customer.SpecialRequest;
        var designerTerms = designer.Styles.Concat(Terms(designer.Notes)).ToList();
        return designerTerms.Any(t => request.Contains(t, StringComparison.OrdinalIgnoreCase))
            || Terms(request).Any(t => designer.Notes?.Contains(t, StringComparison.OrdinalIgnoreCase) == true);
    }

    private static readonly char[] Separators = [' ', ',', '，', '、', ';', '；', '。', '.', '/', '\n', '\t'];

    private static IEnumerable<string> Terms(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(t => t.Length >= 2);
}
