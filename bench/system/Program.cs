using Crm.Bench.System;

// Benchmarks of the whole system through its gateway; bench/run starts the system and calls this.
//   dotnet run -c Release --project bench/system -- <gateway address> burst [leads]
//   dotnet run -c Release --project bench/system -- <gateway address> outage <rabbitmq data directory>
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: <gateway address> burst [leads] | outage <rabbitmq data directory>");
    return 2;
}
var gateway = new Uri(args[0]);
Console.Write(args[1] switch
{
    "burst" => await Burst.RunAsync(gateway, args.Length > 2 ? int.Parse(args[2]) : 10_000),
    "outage" => await Outage.RunAsync(gateway, args[2]),
    var unknown => throw new ArgumentException($"Unknown benchmark {unknown}: burst and outage are known."),
});
return 0;
