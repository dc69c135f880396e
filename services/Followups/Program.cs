using Crm.Followups;
using Crm.Followups.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceClock();
builder.Services.AddApiConventions();
builder.Services.AddStaffAuthentication(builder.Configuration);
builder.AddFollowupServices();

var app = builder.Build();
app.UseApiConventions();
app.MapDefaultEndpoints();
app.MapMessagingOperations();
app.MapStoreMove<FollowupDbContext>();
app.MapTasksApi();
app.MapFollowUpsApi();
app.MapProblemsApi();
app.MapFollowedCustomersApi();
app.MapTaskRulesOperations();
app.MapTrialClock();

await app.MigrateOnStartAsync<FollowupDbContext>();
app.Run();

public partial class Program;
