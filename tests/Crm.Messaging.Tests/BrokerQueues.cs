using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Crm.Messaging.Tests;

/// <summary>What the test broker holds in a queue, asked directly with RabbitMQ's client.</summary>
public static class BrokerQueues
{
    /// <summary>Messages ready in the queue; 0 while it is not declared yet.</summary>
    public static async Task<uint> MessagesInAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestServers.RabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0;
        }
    }
}
