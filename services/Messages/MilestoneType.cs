using System.Text.Json.Serialization;

namespace Crm.Messages;

/// <summary>The milestones of a customer's dynamic information (domain.md §1), and the reopen that may follow a close.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MilestoneType>))]
public enum MilestoneType
{
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
    Reopened,
}
