using Crm.Dispatch;
using Crm.Dispatch.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDispatchServices();

var app = builder.Build();
app.UseApiConventions();
app.MapDefaultEndpoints();
app.MapDesignersApi();
app.MapAssignmentsApi();
app.MapSettingsApi();

await app.MigrateDatabaseAsync<DispatchDbContext>();
app.Run();

public partial class Program;
