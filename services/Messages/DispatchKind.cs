using System.Text.Json.Serialization;

namespace Crm.Messages;

/// <summary>How a dispatch came about.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DispatchKind>))]
public enum DispatchKind
{
    /// <summary>On registration, or again after a refusal, by the rules.</summary>
    Automatic,
    /// <summary>A customer manager asked; the rules chose.</summary>
    Requested,
    /// <summary>A customer manager named the designer.</summary>
    Manual,
}
