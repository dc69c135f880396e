namespace Crm.Bench.System;

/// <summary>The system's service processes on this machine (Release builds), and what each holds.</summary>
public static class ServiceProcesses
{
    public sealed record Sample(long ResidentKiB, int Handles, int Threads);

    /// <summary>Each running service by name (Customers, Dispatch, …, Gateway) and its process id.</summary>
    public static Dictionary<string, int> Find()
    {
        var found = new Dictionary<string, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string program;
            try { program = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0')[0]; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            var name = Path.GetFileName(program);
            if (program.Contains("/bin/Release/") && name.StartsWith("Crm.") && name != "Crm.AppHost" && !name.StartsWith("Crm.Bench"))
                found[name["Crm.".Length..]] = pid;
        }
        return found;
    }

    /// <summary>Resident memory, open file descriptors (sockets, files, pipes) and threads of one process.</summary>
    public static Sample Measure(int pid)
    {
        var status = File.ReadLines($"/proc/{pid}/status").Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1].Trim());
        return new Sample(
            long.Parse(status["VmRSS"].Split(' ')[0]),
            Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length,
            int.Parse(status["Threads"]));
    }
}
