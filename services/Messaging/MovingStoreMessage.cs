namespace Crm.Messaging;

/// <summary>
/// A message for a store that was being moved to another shard when it arrived: kept in the home database instead of
/// being retried into an _error queue, and sent again to the same queue, with its own message id, once the store is
/// in its new place (<see cref="StoreMoveMessages"/>). One row per consumer that met it.
/// </summary>
public sealed class MovingStoreMessage
{
    public long Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid MessageId { get; private set; }
    public string Consumer { get; private set; } = "";
    /// <summary>The queue it was taken from, where it is sent again.</summary>
    public string InputAddress { get; private set; } = "";
    public string MessageType { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset ParkedAt { get; private set; }

    public static MovingStoreMessage Park(Guid storeId, Guid messageId, string consumer, Uri inputAddress, object message, DateTimeOffset now) => new()
    {
        StoreId = storeId, MessageId = messageId, Consumer = consumer, InputAddress = inputAddress.ToString(),
        MessageType = message.GetType().FullName!, Body = MessageJson.Write(message), ParkedAt = now,
    };
}
