namespace Crm.Customers.Apis;

public sealed record RegisterCustomerRequest(Guid? StoreId, CustomerSource? Source, string? Name, string? Phone)
{
    public FieldErrors Validate(out string normalizedPhone)
    {
        var errors = new FieldErrors();
        if (StoreId is null || StoreId == Guid.Empty) errors.Add("storeId", "The store is required.");
        if (Source is null) errors.Add("source", $"The source is required: one of {string.Join(", ", Enum.GetNames<CustomerSource>())}.");
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("name", "The customer's name is required.");
        else if (Name.Trim().Length > 100) errors.Add("name", "The name is at most 100 characters.");
        if (string.IsNullOrWhiteSpace(Phone)) errors.Add("phone", "The phone number is required.");
        if (!PhoneNumber.TryNormalize(Phone, out normalizedPhone) && !string.IsNullOrWhiteSpace(Phone))
            errors.Add("phone", "Not a valid phone number: a mainland mobile (11 digits) or a landline with its area code.");
        return errors;
    }
}

public sealed record RegisteredCustomerResponse(Guid Id, string CustomerNo, int ArchiveBag, CustomerStage Stage);

public sealed record DesignerResponse(Guid DesignerId, string Name, Guid AssignmentId, DateTimeOffset DispatchedAt);

public sealed record CustomerResponse(
    Guid Id,
    Guid StoreId,
    string CustomerNo,
    int ArchiveBag,
    CustomerSource Source,
    string Name,
    string Phone,
    CustomerStage Stage,
    DateTimeOffset RegisteredAt,
    DesignerResponse? Designer)
{
    /// <summary>Designers see the phone masked (personal information law); the service masks it, not the client.</summary>
    public static CustomerResponse From(Customer c, StoreScope scope) => new(
        c.Id, c.StoreId, c.CustomerNo, c.ArchiveBag, c.Source, c.Name, scope.IsDesigner ? PhoneNumber.Mask(c.Phone) : c.Phone, c.Stage, c.RegisteredAt,
        c.Designer is { } d ? new DesignerResponse(d.DesignerId, d.DesignerName, d.AssignmentId, d.DispatchedAt) : null);
}
