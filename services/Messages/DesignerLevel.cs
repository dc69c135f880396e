using System.Text.Json.Serialization;

namespace Crm.Messages;

/// <summary>A designer's level: big orders go first to the senior levels.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DesignerLevel>))]
public enum DesignerLevel
{
    Assistant = 1,
    Designer = 2,
    Senior = 3,
    Chief = 4,
}
