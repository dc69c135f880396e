using Crm.Partners;
using Crm.Partners.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddApiConventions();
builder.Services.AddStaffAuthentication(builder.Configuration);
builder.AddPartnerServices();

var app = builder.Build();
app.UseApiConventions();
app.MapDefaultEndpoints();
app.MapMessagingOperations();
app.MapPartnersApi();
app.MapDeliveriesApi();
app.MapLeadsApi();
app.MapImportsApi();
app.MapKeyLookupApi();

await app.MigrateOnStartAsync<PartnerDbContext>();
app.Run();

public partial class Program;
