using System.Text.Json.Serialization;

namespace Crm.Messages;

/// <summary>The two kinds of deposit (定金): for measuring the house, or taken at a promotion.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DepositKind>))]
public enum DepositKind
{
    Measurement,
    Promotion,
}
