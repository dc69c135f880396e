using Crm.Followups;
using Crm.Followups.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFollowupServices();

var app = builder.Build();
app.UseApiConventions();
app.MapDefaultEndpoints();
app.MapTasksApi();

await app.MigrateDatabaseAsync<FollowupDbContext>();
app.Run();

public partial class Program;
