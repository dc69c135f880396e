using Crm.Bench.System;

// Benchmarks of the whole system through its gateway; bench/run starts the system and calls this.
//   dotnet run -c Release --project bench/system -- <gateway address> burst [leads]
//   dotnet run -c Release --project bench/system -- <gateway address> outage <rabbitmq data directory>
//   dotnet run -c Release --project bench/system -- <gateway address> latency <rabbitmq data directory>
//   dotnet run -c Release --project bench/system -- <gateway address> soak [minutes]
//   dotnet run -c Release --project bench/system -- <gateway address> scale <shards, comma-separated> <stores per shard> <speeds, comma-separated> <minutes a phase>
//   dotnet run -c Release --project bench/system -- <gateway address> write-setup <stores> <file> | write-round <file> <round> <seconds> <clients> | write-one <token> <phone>
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: <gateway address> burst [leads] | outage <rabbitmq data directory> | latency <rabbitmq data directory> | soak [minutes] | scale <shards> <stores per shard> <speeds> <minutes> | write-setup … | write-round … | write-one …");
    return 2;
}
var gateway = new Uri(args[0]);
Console.Write(args[1] switch
{
    "burst" => await Burst.RunAsync(gateway, args.Length > 2 ? int.Parse(args[2]) : 10_000),
    "outage" => await Outage.RunAsync(gateway, args[2]),
    "latency" => await Latency.RunAsync(gateway, args[2]),
    "soak" => await Soak.RunAsync(gateway, TimeSpan.FromMinutes(args.Length > 2 ? double.Parse(args[2]) : 10)),
    "scale" => await Scale.RunAsync(gateway, args[2].Split(','), int.Parse(args[3]), [.. args[4].Split(',').Select(int.Parse)], TimeSpan.FromMinutes(double.Parse(args[5]))),
    "write-setup" => await WritePath.SetUpAsync(gateway, int.Parse(args[2]), args[3]),
    "write-round" => await WritePath.RoundAsync(gateway, args[2], int.Parse(args[3]), TimeSpan.FromSeconds(double.Parse(args[4])), int.Parse(args[5])),
    "write-one" => await WritePath.OneAsync(gateway, args[2], args[3]),
    var unknown => throw new ArgumentException($"Unknown benchmark {unknown}: burst, outage, latency, soak, scale and the write-* steps are known."),
});
return 0;
