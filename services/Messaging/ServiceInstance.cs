namespace Crm.Messaging;

/// <summary>
/// This process among the instances of its service: the host's name (a pod's name in Kubernetes) and the
/// process id, so that two instances on one machine are told apart too.
/// </summary>
public static class ServiceInstance
{
    public const int MaxLength = 200;

    public static string Name { get; } = Truncate($"{Environment.MachineName}/{Environment.ProcessId}");

    private static string Truncate(string name) => name.Length > MaxLength ? name[..MaxLength] : name;
}
