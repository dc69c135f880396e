using System.Text.Json.Serialization;

namespace Crm.Messages;

/// <summary>Where a customer came from (domain.md §1).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CustomerSource>))]
public enum CustomerSource
{
    WalkIn,
    Phone,
    Marketing,
    Partner,
    Referral,
    DesignerProvided,
}
