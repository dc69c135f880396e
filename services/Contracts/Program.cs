using Crm.Contracts;
using Crm.Contracts.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddContractServices();

var app = builder.Build();
app.UseApiConventions();
app.MapDefaultEndpoints();
app.MapFormsApi();

await app.MigrateDatabaseAsync<ContractDbContext>();
app.Run();

public partial class Program;
