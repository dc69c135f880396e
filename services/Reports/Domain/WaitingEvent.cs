using System.Text.Json;

namespace Crm.Reports.Domain;

/// <summary>
/// An event that arrived before the fact it belongs to (a dispatch before its customer's registration, a customer
/// before their store): kept, and applied the moment that fact arrives. Replays from several services interleave
/// freely, so the read model may not depend on the order events arrive in.
/// </summary>
public sealed class WaitingEvent
{
    public long Id { get; private set; }
    /// <summary>The key of the fact it waits for: <c>store:{id}</c>, <c>customer:{id}</c>, <c>problem:{id}</c>, <c>task:{id}</c>.</summary>
    public string WaitsFor { get; private set; } = "";
    public string MessageType { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }

    public static WaitingEvent For(string waitsFor, object message, DateTimeOffset now) => new()
    {
        WaitsFor = waitsFor, MessageType = message.GetType().FullName!, Body = JsonSerializer.Serialize(message, message.GetType(), MessageJson.Options), ReceivedAt = now,
    };

    public (Type Type, object Message) Read()
    {
        var type = MessageJson.ResolveType(MessageType) ?? throw new InvalidOperationException($"Unknown message type {MessageType}.");
        return (type, JsonSerializer.Deserialize(Body, type, MessageJson.Options)!);
    }
}

/// <summary>The keys a waiting event can wait for.</summary>
public static class FactKey
{
    public static string Store(Guid id) => $"store:{id}";
    public static string Customer(Guid id) => $"customer:{id}";
    public static string Problem(Guid id) => $"problem:{id}";
    public static string Task(Guid id) => $"task:{id}";
}
