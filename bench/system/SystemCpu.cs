namespace Crm.Bench.System;

/// <summary>
/// CPU seconds used so far by each part of the running system, and bytes each PostgreSQL server wrote: every server
/// by its data folder ("PostgreSQL postgres", "PostgreSQL postgres-shard2": the postmaster and the processes it
/// started), RabbitMQ, and each service of a Release build.
/// </summary>
public static class SystemCpu
{
    public sealed record Snapshot(DateTime At, Dictionary<string, double> CpuSeconds, Dictionary<string, long> WrittenBytes, long IdleTicks, long TotalTicks);

    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static Snapshot Take()
    {
        var processes = new Dictionary<int, (int Parent, string Program, string[] Arguments, double Cpu)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var fields = File.ReadAllText(Path.Combine(dir, "stat")).Split(')', 2)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // A PostgreSQL server's backends come and go: what the ones that ended used is counted in their postmaster's
                // reaped children's time (cutime, cstime).
                var own = long.Parse(fields[11]) + long.Parse(fields[12]);
                var reaped = Path.GetFileName(arguments[0]) == "postgres" ? long.Parse(fields[13]) + long.Parse(fields[14]) : 0;
                processes[pid] = (int.Parse(fields[1]), arguments[0], arguments, (own + reaped) / TicksPerSecond);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { }
        }
        var cpu = new Dictionary<string, double>();
        var written = new Dictionary<string, long>();
        foreach (var (pid, process) in processes)
        {
            var part = PartOf(pid, process.Program, process.Arguments, processes);
            if (part is null) continue;
            cpu[part] = cpu.GetValueOrDefault(part) + process.Cpu;
            if (part.StartsWith("PostgreSQL")) written[part] = written.GetValueOrDefault(part) + WriteBytes(pid);
        }
        var total = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        return new Snapshot(DateTime.UtcNow, cpu, written, total[3] + total[4], total.Sum());
    }

    private static string? PartOf(int pid, string program, string[] arguments, Dictionary<int, (int Parent, string Program, string[] Arguments, double Cpu)> all)
    {
        var name = Path.GetFileName(program);
        if (name == "postgres") return Server(arguments);
        if (program.StartsWith("postgres:"))
            return all.TryGetValue(all[pid].Parent, out var parent) && Path.GetFileName(parent.Program) == "postgres" ? Server(parent.Arguments) : "PostgreSQL";
        if (name == "beam.smp") return "RabbitMQ";
        if (program.Contains("/bin/Release/") && name.StartsWith("Crm.") && name != "Crm.AppHost" && !name.StartsWith("Crm.Bench")) return name["Crm.".Length..];
        return null;
    }

    private static string Server(string[] arguments)
    {
        var data = Array.IndexOf(arguments, "-D");
        return data >= 0 && data + 1 < arguments.Length ? $"PostgreSQL {Path.GetFileName(arguments[data + 1].TrimEnd('/'))}" : "PostgreSQL";
    }

    private static long WriteBytes(int pid)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/io").Where(l => l.StartsWith("write_bytes:")).Select(l => long.Parse(l["write_bytes:".Length..].Trim())).FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
    }

    /// <summary>Each part's cores over the span between two snapshots, and the machine's idle share.</summary>
    public static (Dictionary<string, double> Cores, Dictionary<string, double> WrittenMiBPerSecond, double IdlePercent) Between(Snapshot before, Snapshot after)
    {
        var seconds = (after.At - before.At).TotalSeconds;
        var cores = after.CpuSeconds.ToDictionary(p => p.Key, p => (p.Value - before.CpuSeconds.GetValueOrDefault(p.Key)) / seconds);
        var written = after.WrittenBytes.ToDictionary(p => p.Key, p => Math.Max(0, p.Value - before.WrittenBytes.GetValueOrDefault(p.Key)) / 1048576.0 / seconds);
        var idle = 100.0 * (after.IdleTicks - before.IdleTicks) / Math.Max(1, after.TotalTicks - before.TotalTicks);
        return (cores, written, idle);
    }
}
