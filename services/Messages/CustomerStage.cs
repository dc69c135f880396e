using System.Text.Json.Serialization;

namespace Crm.Messages;

/// <summary>The furthest milestone a customer reached (domain.md §1); Registered before any.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CustomerStage>))]
public enum CustomerStage
{
    AssignedToStore,
    Registered,
    DepositPaid,
    Measured,
    DesignFeePaid,
    DrawingsIssued,
    Quoted,
    ContractSigned,
    Reviewed,
    ConstructionStarted,
    Completed,
    Lost,
    Invalidated,
}
