using Crm.Dispatch;
using Crm.Dispatch.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddApiConventions();
builder.Services.AddStaffAuthentication(builder.Configuration);
builder.AddDispatchServices();

var app = builder.Build();
app.UseApiConventions();
app.MapDefaultEndpoints();
app.MapMessagingOperations();
app.MapStoreMove<DispatchDbContext>();
app.MapDesignersApi();
app.MapAssignmentsApi();
app.MapSettingsApi();

await app.MigrateOnStartAsync<DispatchDbContext>();
app.Run();

public partial class Program;
