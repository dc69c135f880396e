using Crm.Customers;
using Crm.Customers.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddApiConventions();
builder.Services.AddStaffAuthentication(builder.Configuration);
builder.AddCustomerServices();

var app = builder.Build();
app.UseApiConventions();
app.MapDefaultEndpoints();
app.MapMessagingOperations();
app.MapStoreMove<CustomerDbContext>();
app.MapStoresApi();
app.MapCustomersApi();

await app.MigrateOnStartAsync<CustomerDbContext>();
app.Run();

public partial class Program;
