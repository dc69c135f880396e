using Crm.Setup;

// Migrates every service's database, creates the first ChainAdmin and, with Seed:Demo, the demo chain;
// then exits. The AppHost starts the services once it has finished (the chart runs it as a Job).
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.AddSetupDatabases();
using var host = builder.Build();
await host.Services.GetRequiredService<ChainSetup>().RunAsync(CancellationToken.None);
