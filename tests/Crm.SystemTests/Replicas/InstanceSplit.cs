using Crm.SystemTests.Faults;

namespace Crm.SystemTests.Replicas;

/// <summary>
/// How the messages applied since a moment split between the instances of each service: every inbox row names
/// the instance that applied it (host/process id).
/// </summary>
public sealed record InstanceSplit(IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> ByService)
{
    public static readonly IReadOnlyDictionary<string, string> Databases = new Dictionary<string, string>
    {
        ["customers"] = "customerdb", ["dispatch"] = "dispatchdb", ["contracts"] = "contractdb",
        ["followups"] = "followupdb", ["reports"] = "reportdb", ["partners"] = "partnerdb",
    };

    public static async Task<InstanceSplit> SinceAsync(EffectCounter counter, DateTimeOffset since)
    {
        var split = new Dictionary<string, IReadOnlyDictionary<string, long>>();
        foreach (var (service, database) in Databases)
        {
            var rows = await counter.ReadAsync(database, """SELECT coalesce("HandledBy", '?'), count(*) FROM "InboxMessages" WHERE "ProcessedAt" >= @since GROUP BY 1 ORDER BY 1""",
                r => (r.GetString(0), r.GetInt64(1)), ("since", since));
            split[service] = rows.ToDictionary(r => r.Item1, r => r.Item2);
        }
        return new InstanceSplit(split);
    }

    public long Total(string service) => ByService[service].Values.Sum();

    /// <summary>One line per service: each instance's share of the messages it applied.</summary>
    public override string ToString() => string.Join("\n", ByService.Select(s =>
        $"  {s.Key,-10} {s.Value.Values.Sum(),5} messages: " +
        (s.Value.Count == 0 ? "none" : string.Join(", ", s.Value.Select(i => $"{i.Key} {i.Value} ({100.0 * i.Value / Math.Max(1, s.Value.Values.Sum()):0}%)")))));
}
