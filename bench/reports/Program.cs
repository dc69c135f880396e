using System.Diagnostics;
using Crm.Access;
using Crm.Data;
using Crm.Reports.Data;
using Crm.Reports.Facts;
using Crm.Reports.Reports;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// The reports' read model at chain scale: the morning meeting, a store's month and the chain's month.
//   schema                     creates the read model's tables and the 500 stores, their designers and attendance
//   seed <from> <to>           adds customers from+1 .. to (seed.sql)
//   measure <label> <samples>  times each report; "cold" measures each store's first request once
var connection = Environment.GetEnvironmentVariable("BENCH_POSTGRES") ?? throw new InvalidOperationException("BENCH_POSTGRES is not set.");
var options = new DbContextOptionsBuilder<ReportDbContext>().UseNpgsql(connection).Options;
ReportDbContext Db() => new(options, StoreScope.System);
var day = new DateOnly(2026, 11, 27);

switch (args[0])
{
    case "schema":
        await using (var db = Db()) await db.Database.MigrateAsync();
        await ExecuteAsync("""
            INSERT INTO "Stores" ("Id", "Code", "Name", "TimeZone")
            SELECT ('00000000-0000-4000-9000-' || lpad(n::text, 12, '0'))::uuid, 'R' || lpad(n::text, 3, '0'), '基准店' || n, 'Asia/Shanghai' FROM generate_series(0, 499) n;
            INSERT INTO "Designers" ("Id", "StoreId", "Name", "RosterNumber")
            SELECT ('00000000-0000-4000-a000-' || lpad((n * 100 + d)::text, 12, '0'))::uuid, ('00000000-0000-4000-9000-' || lpad(n::text, 12, '0'))::uuid, '设计师' || d, d + 1
            FROM generate_series(0, 499) n, generate_series(0, 11) d;
            INSERT INTO "Duties" ("StoreId", "DesignerId", "Day", "OnDuty", "RecordedAt")
            SELECT "StoreId", "Id", date '2026-11-27' - k, ("RosterNumber" + k) % 7 <> 0, timestamptz '2026-11-27 08:30+08' - k * interval '1 day'
            FROM "Designers", generate_series(0, 59) k;
            """);
        break;
    case "seed":
        var sql = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed.sql")).Replace("{from}", long.Parse(args[1]).ToString()).Replace("{to}", long.Parse(args[2]).ToString());
        var watch = Stopwatch.StartNew();
        await ExecuteAsync(sql);
        await ExecuteAsync("VACUUM ANALYZE");
        Console.Error.WriteLine($"seeded {args[1]}..{args[2]} in {watch.Elapsed.TotalSeconds:F0} s");
        break;
    case "measure":
        await MeasureAsync(args[1], args[2]);
        break;
    default:
        throw new ArgumentException("schema | seed <from> <to> | measure <label> <samples|cold>");
}

async Task ExecuteAsync(string sql)
{
    await using var db = new NpgsqlConnection(connection);
    await db.OpenAsync();
    await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}

async Task MeasureAsync(string label, string samples)
{
    List<StoreCopy> stores;
    await using (var db = Db()) stores = await db.Stores.AsNoTracking().OrderBy(s => s.Code).ToListAsync();
    var customers = 0L;
    await using (var db = Db()) customers = await db.Customers.LongCountAsync();
    var cold = samples == "cold";
    var count = cold ? 50 : int.Parse(samples);
    var random = new Random(42);
    // Cold: fifty stores, each asked once, in an order no warm run used; warm: after one pass of warming.
    var order = cold ? stores.OrderBy(_ => random.Next()).Take(count).ToList() : Enumerable.Range(0, count).Select(_ => stores[random.Next(stores.Count)]).ToList();
    var month = (From: new DateOnly(2026, 10, 1), To: new DateOnly(2026, 10, 31));

    async Task<double> TimeAsync(Func<ReportDbContext, Task> run)
    {
        await using var db = Db();
        var watch = Stopwatch.StartNew();
        await run(db);
        return watch.Elapsed.TotalMilliseconds;
    }
    Task Meeting(ReportDbContext db, StoreCopy store) => new MorningMeeting(db, new Tallies(db), TimeProvider.System).ComputeAsync(store, day, default);
    Task StoreMonth(ReportDbContext db, StoreCopy store) => new CustomerResourceFigures(db).ComputeAsync([store], month.From, month.To, Breakdown.None, default);
    Task ChainMonth(ReportDbContext db) => new CustomerResourceFigures(db).ComputeAsync(stores, month.From, month.To, Breakdown.Store, default);

    if (!cold)
        foreach (var store in order.Take(50)) { await TimeAsync(db => Meeting(db, store)); await TimeAsync(db => StoreMonth(db, store)); }
    var meeting = new List<double>();
    foreach (var store in order) meeting.Add(await TimeAsync(db => Meeting(db, store)));
    var storeMonth = new List<double>();
    foreach (var store in cold ? order.AsEnumerable().Reverse().Select(s => stores[(stores.IndexOf(s) + 250) % stores.Count]) : order)
        storeMonth.Add(await TimeAsync(db => StoreMonth(db, store)));
    var chain = new List<double>();
    for (var i = 0; i < (cold ? 1 : 5); i++) chain.Add(await TimeAsync(ChainMonth));

    static string Line(string what, string label, long customers, List<double> times)
    {
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        return $"| {what} | {customers:N0} | {label} | {times.Count} | {P(0.50):F1} | {P(0.95):F1} | {P(0.99):F1} |";
    }
    Console.WriteLine(Line("morning meeting, one store", label, customers, meeting));
    Console.WriteLine(Line("customer resources, one store, a month", label, customers, storeMonth));
    Console.WriteLine(Line("customer resources, the chain by store, a month", label, customers, chain));
}
