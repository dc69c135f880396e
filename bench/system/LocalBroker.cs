namespace Crm.Bench.System;

/// <summary>The local-mode RabbitMQ node of a benchmark's system, read from the configuration eng/local/rabbitmq.sh wrote.</summary>
public static class LocalBroker
{
    public static int AmqpPort(string rabbitData)
    {
        var listener = Setting(rabbitData, "listeners.tcp.default");
        return int.Parse(listener[(listener.LastIndexOf(':') + 1)..]);
    }

    /// <summary>The AMQP address with the node's user and password.</summary>
    public static Uri AmqpUri(string rabbitData) =>
        new($"amqp://{Uri.EscapeDataString(Setting(rabbitData, "default_user"))}:{Uri.EscapeDataString(Setting(rabbitData, "default_pass"))}@127.0.0.1:{AmqpPort(rabbitData)}/");

    private static string Setting(string rabbitData, string key) =>
        File.ReadLines(Path.Combine(rabbitData, "rabbitmq.conf"))
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Trim() == key)
            .Select(pair => pair[1].Trim())
            .FirstOrDefault() ?? throw new InvalidOperationException($"No '{key}' in {rabbitData}/rabbitmq.conf.");
}
