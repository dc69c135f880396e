using Npgsql;

namespace Crm.Messaging;

/// <summary>
/// Sends the messages kept while a store was moving (<see cref="MovingStoreMessage"/>) again, in the order they arrived,
/// each to the queue it was taken from with its own message id: a consumer that had applied it drops the copy by its
/// inbox. A message several consumers of one queue kept is sent once.
/// </summary>
public sealed class StoreMoveMessages(DatabaseShards shards, IBus bus)
{
    public async Task<int> SendAgainAsync(Guid storeId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(shards.ConnectionString(DatabaseShards.Home));
        await connection.OpenAsync(cancellationToken);
        var kept = new List<(long Id, Guid MessageId, string InputAddress, string MessageType, string Body)>();
        await using (var read = new NpgsqlCommand("""
            SELECT "Id", "MessageId", "InputAddress", "MessageType", "Body"::text FROM "MovingStoreMessages" WHERE "StoreId" = $1 ORDER BY "Id"
            """, connection))
        {
            read.Parameters.AddWithValue(storeId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                kept.Add((reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }
        var sent = 0;
        foreach (var copies in kept.GroupBy(k => (k.MessageId, k.InputAddress)))
        {
            var first = copies.First();
            var (type, message) = MessageJson.Read(first.MessageType, first.Body);
            var endpoint = await bus.GetSendEndpoint(new Uri(first.InputAddress));
            await endpoint.Send(message, type, Pipe.Execute<SendContext>(context => context.MessageId = first.MessageId), cancellationToken);
            await using var done = new NpgsqlCommand("""DELETE FROM "MovingStoreMessages" WHERE "Id" = ANY($1)""", connection);
            done.Parameters.AddWithValue(copies.Select(c => c.Id).ToArray());
            await done.ExecuteNonQueryAsync(cancellationToken);
            sent++;
        }
        return sent;
    }
}
