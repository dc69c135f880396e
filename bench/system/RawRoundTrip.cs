using System.Collections.Concurrent;
using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Crm.Bench.System;

/// <summary>
/// The floor under every event: one persistent message published with a confirm to a durable fanout exchange,
/// routed to a durable queue and consumed with an acknowledgement, on the system's own broker. A round trip
/// ends once both the broker's confirm and the delivery have arrived.
/// </summary>
public sealed class RawRoundTrip : IAsyncDisposable
{
    private const string Name = "crm-bench-round-trip";
    private readonly ConcurrentDictionary<string, TaskCompletionSource<TimeSpan>> _pending = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private IConnection _connection = null!;
    private IChannel _publisher = null!;
    private IChannel _consumer = null!;

    public static async Task<RawRoundTrip> OpenAsync(Uri broker)
    {
        var trip = new RawRoundTrip();
        trip._connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = Name }.CreateConnectionAsync();
        trip._publisher = await trip._connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        trip._consumer = await trip._connection.CreateChannelAsync();
        await trip._publisher.ExchangeDeclareAsync(Name, ExchangeType.Fanout, durable: true, autoDelete: false);
        await trip._publisher.QueueDeclareAsync(Name, durable: true, exclusive: false, autoDelete: false);
        await trip._publisher.QueueBindAsync(Name, Name, routingKey: "");
        await trip._consumer.BasicQosAsync(0, 16, global: false);
        var consumer = new AsyncEventingBasicConsumer(trip._consumer);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            if (delivery.BasicProperties.MessageId is { } id && trip._pending.TryRemove(id, out var arrived)) arrived.TrySetResult(trip._clock.Elapsed);
            await trip._consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await trip._consumer.BasicConsumeAsync(Name, autoAck: false, consumer);
        return trip;
    }

    /// <summary>One round trip, in seconds.</summary>
    public async Task<double> MeasureAsync()
    {
        var id = Guid.NewGuid().ToString();
        var arrived = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = arrived;
        var body = new byte[300]; // about the size of a CustomerRegistered event's JSON
        var start = _clock.Elapsed;
        // With confirmation tracking on, this completes when the broker has confirmed the message.
        await _publisher.BasicPublishAsync(Name, routingKey: "", mandatory: false, new BasicProperties { Persistent = true, MessageId = id }, body);
        var confirmed = _clock.Elapsed;
        var delivered = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return ((delivered > confirmed ? delivered : confirmed) - start).TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        await _publisher.QueueDeleteAsync(Name);
        await _publisher.ExchangeDeleteAsync(Name);
        await _consumer.DisposeAsync();
        await _publisher.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
