namespace Crm.Messaging;

/// <summary>
/// An event that arrived before the record it belongs to (a dispatch or a milestone before its customer's
/// registration, a customer before their store): kept, and applied the moment that record arrives. Events from
/// several services, and replays of them, interleave freely, so a copy may not depend on the order they arrive in,
/// nor on a retry happening to come late enough.
/// </summary>
public sealed class WaitingEvent
{
    public long Id { get; private set; }
    /// <summary>The key of the record it waits for (<see cref="WaitKey"/>).</summary>
    public string WaitsFor { get; private set; } = "";
    public string MessageType { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }

    public static WaitingEvent For(string waitsFor, object message, DateTimeOffset now) => new()
    {
        WaitsFor = waitsFor, MessageType = message.GetType().FullName!, Body = MessageJson.Write(message), ReceivedAt = now,
    };

    public (Type Type, object Message) Read() => MessageJson.Read(MessageType, Body);
}

/// <summary>The keys a waiting event can wait for.</summary>
public static class WaitKey
{
    public static string Store(Guid id) => $"store:{id}";
    public static string Customer(Guid id) => $"customer:{id}";
    public static string Problem(Guid id) => $"problem:{id}";
    public static string Task(Guid id) => $"task:{id}";
}
