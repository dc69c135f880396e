using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Messages;

namespace Crm.Messaging;

/// <summary>How outbox rows store events, and how their stored type names are resolved.</summary>
public static class MessageJson
{
    /// <summary>Enums by their names, as on the wire: an archive stays readable when a member is added.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly System.Reflection.Assembly MessagesAssembly = typeof(CustomerRegistered).Assembly;

    public static Type? ResolveType(string fullName) => MessagesAssembly.GetType(fullName, throwOnError: false);

    /// <summary>An event as a row keeps it (a waiting event, a message kept while its store moves): its body.</summary>
    public static string Write(object message) => JsonSerializer.Serialize(message, message.GetType(), Options);

    /// <summary>An event a row kept, read back by its type's name; a type that no longer exists is an error.</summary>
    public static (Type Type, object Message) Read(string messageType, string body)
    {
        var type = ResolveType(messageType) ?? throw new InvalidOperationException($"Unknown message type {messageType}.");
        return (type, JsonSerializer.Deserialize(body, type, Options)!);
    }

    /// <summary>The event a row holds, or why it cannot be read (a type that no longer exists, a body that no longer fits it).</summary>
    public static (object? Message, Type? Type, string? Error) Read(OutboxMessage row)
    {
        var type = ResolveType(row.MessageType);
        if (type is null) return (null, null, $"Unknown message type {row.MessageType}");
        try
        {
            var message = JsonSerializer.Deserialize(row.Body, type, Options);
            return message is null ? (null, type, "The body is empty") : (message, type, null);
        }
        catch (JsonException ex)
        {
            return (null, type, $"The body does not read as {type.Name}: {ex.Message}");
        }
    }
}
