namespace Crm.Dispatch.Domain;

/// <summary>A designer as the rules see them at one moment: their roster entry, today's duty, holdings and stalled proposals.</summary>
public sealed record Candidate(Designer Designer, bool OnDuty, int Holdings, int StalledProposals);

/// <summary>The customer as the rules see them.</summary>
public sealed record DispatchCustomer(Guid StoreId, decimal? Budget, decimal? AreaM2, IReadOnlyList<string> Styles, Guid? RequestedDesignerId, string? SpecialRequest)
{
    public static DispatchCustomer From(CustomerFile file) =>
        new(file.StoreId, file.Budget, file.AreaM2, file.Styles, file.RequestedDesignerId, file.SpecialRequest);
}
