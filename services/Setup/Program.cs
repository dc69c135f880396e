using Crm.Setup;

// Migrates every service's database, creates the first ChainAdmin and, with Seed:Demo, the demo chain;
// then exits. The AppHost starts the services once it has finished (the chart runs it as a Job).
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.AddSetupDatabases();
using var host = builder.Build();
// In Kubernetes each service's pods wait (an init container) until the setup Job has migrated their database.
if (args.Contains(MigrationsWait.Argument)) return await host.Services.GetRequiredService<MigrationsWait>().RunAsync(CancellationToken.None);
await host.Services.GetRequiredService<ChainSetup>().RunAsync(CancellationToken.None);
return 0;
