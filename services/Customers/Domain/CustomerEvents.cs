namespace Crm.Customers.Domain;

/// <summary>The events the customer service announces, built from the customer as it now is.</summary>
public static class CustomerEvents
{
    public static CustomerRegistered Registered(Customer c) => new()
    {
        StoreId = c.StoreId,
        CustomerId = c.Id,
        CustomerNo = c.CustomerNo,
        Source = c.Source,
        RegisteredAt = c.RegisteredAt,
        Stage = c.Stage,
        RequestedDesignerId = c.RequestedDesignerId,
        SpecialRequest = c.SpecialRequest,
        Budget = c.Info.Preferences?.Budget,
        AreaM2 = c.Info.House?.AreaM2,
        HouseKind = c.Info.House?.Kind,
        DeliveryDate = c.Info.House?.DeliveryDate,
        Styles = c.Info.Preferences?.Styles ?? [],
        RegisteredBy = c.RegisteredBy,
        RegisteredByName = c.RegisteredByName,
        Completeness = c.Completeness,
        LeadId = c.LeadId,
        Phone = c.Phone,
    };

    /// <summary>A lead met for the first time (or found to have been met earlier than recorded).</summary>
    public static CustomerMet Met(Customer c) => new() { StoreId = c.StoreId, CustomerId = c.Id, MetAt = c.MetAt!.Value };

    public static CustomerDetailsChanged DetailsChanged(Customer c, IEnumerable<CustomerChange> changes, DateTimeOffset at) => new()
    {
        StoreId = c.StoreId,
        CustomerId = c.Id,
        Fields = changes.Select(ch => ch.Field).ToList(),
        ChangedAt = at,
        Budget = c.Info.Preferences?.Budget,
        AreaM2 = c.Info.House?.AreaM2,
        HouseKind = c.Info.House?.Kind,
        DeliveryDate = c.Info.House?.DeliveryDate,
        Styles = c.Info.Preferences?.Styles ?? [],
        SpecialRequest = c.SpecialRequest,
        Completeness = c.Completeness,
        Phone = c.Phone,
    };

    public static MilestoneRecorded MilestoneRecorded(Customer c, Milestone m) => new()
    {
        StoreId = c.StoreId,
        CustomerId = c.Id,
        MilestoneId = m.Id,
        Type = m.Type,
        At = m.At,
        Stage = c.Stage,
        Amount = m.Amount,
        DepositKind = m.DepositKind,
        AreaM2 = m.AreaM2,
        Reason = m.Reason,
        Competitor = m.Competitor,
        RecordedBy = m.RecordedByName,
        RecordedAt = m.RecordedAt,
    };

    public static ConsultantNamed ConsultantNamed(Customer c, string by, DateTimeOffset at) => new()
    {
        StoreId = c.StoreId, CustomerId = c.Id, ConsultantId = c.ConsultantId, ConsultantName = c.ConsultantName, NamedBy = by, At = at,
    };
}
