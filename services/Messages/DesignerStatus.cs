using System.Text.Json.Serialization;

namespace Crm.Messages;

/// <summary>A designer on a store's roster: active, suspended until a day (停单), or removed (除名).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DesignerStatus>))]
public enum DesignerStatus
{
    Active,
    Suspended,
    Removed,
}
