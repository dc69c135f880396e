using System.Net.Sockets;

namespace Crm.AppHost.Infrastructure;

/// <summary>Where PostgreSQL and RabbitMQ come from (architecture.md, "Infrastructure modes").</summary>
public enum InfrastructureMode
{
    /// <summary>Containers, when a Docker engine answers.</summary>
    Containers,
    /// <summary>The machine's own PostgreSQL and RabbitMQ packages, started by the AppHost.</summary>
    Local,
    /// <summary>Connection strings from configuration (production).</summary>
    External,
}

public static class InfrastructureModeChoice
{
    /// <summary>"Infra:Mode" when configured; otherwise containers if a Docker engine answers, else local.</summary>
    public static InfrastructureMode Choose(IConfiguration configuration)
    {
        var configured = configuration["Infra:Mode"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Enum.TryParse<InfrastructureMode>(configured, ignoreCase: true, out var mode)
                ? mode
                : throw new InvalidOperationException($"Infra:Mode '{configured}' is not one of containers, local, external.");
        }
        return DockerEngineAnswers() ? InfrastructureMode.Containers : InfrastructureMode.Local;
    }

    private static bool DockerEngineAnswers()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST"))) return true;
        const string socketPath = "/var/run/docker.sock";
        if (!File.Exists(socketPath)) return false;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
