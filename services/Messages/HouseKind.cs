using System.Text.Json.Serialization;

namespace Crm.Messages;

/// <summary>The kind of house to decorate; an off-plan house (期房) is bought before delivery, and the customer cannot start work yet.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HouseKind>))]
public enum HouseKind
{
    New,
    SecondHand,
    OffPlan,
}
