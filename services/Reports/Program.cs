using Crm.Reports;
using Crm.Reports.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddApiConventions();
builder.Services.AddStaffAuthentication(builder.Configuration);
builder.AddReportServices();

var app = builder.Build();
app.UseApiConventions();
app.MapDefaultEndpoints();
app.MapMessagingOperations();
app.MapStoreMove<ReportDbContext>();
app.MapCustomerResourcesApi();
app.MapStaleCustomersApi();
app.MapMorningMeetingApi();
app.MapReconciliationApi();

await app.MigrateOnStartAsync<ReportDbContext>();
app.Run();

public partial class Program;
