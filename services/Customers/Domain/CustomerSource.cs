namespace Crm.Customers.Domain;


public static class CustomerSources
{
    /// <summary>Leads supplied to the store, not yet met: AssignedToStore until the store meets the customer.</summary>
    public static bool IsLead(this CustomerSource source) => source is CustomerSource.Marketing or CustomerSource.Partner;

    /// <summary>The register a registration from this source lands in, if any: the walk-in or the phone register.</summary>
    public static VisitChannel? Channel(this CustomerSource source) => source switch
    {
        CustomerSource.WalkIn => VisitChannel.WalkIn,
        CustomerSource.Phone => VisitChannel.Phone,
        _ => null,
    };
}
