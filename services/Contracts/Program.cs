using Crm.Contracts;
using Crm.Contracts.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddApiConventions();
builder.Services.AddStaffAuthentication(builder.Configuration);
builder.AddContractServices();

var app = builder.Build();
app.UseApiConventions();
app.MapDefaultEndpoints();
app.MapMessagingOperations();
app.MapStoreMove<ContractDbContext>();
app.MapFormsApi();
app.MapRequisitionsApi();
app.MapAuthorisationsApi();
app.MapRecipientsApi();
app.MapDrawerApi();
app.MapExportsApi();

await app.MigrateOnStartAsync<ContractDbContext>();
app.Run();

public partial class Program;
