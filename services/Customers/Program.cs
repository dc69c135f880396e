using Crm.Customers;
using Crm.Customers.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCustomerServices();

var app = builder.Build();
app.UseApiConventions();
app.MapDefaultEndpoints();
app.MapStoresApi();
app.MapCustomersApi();

await app.PrepareDatabaseAsync();
app.Run();

public partial class Program;
