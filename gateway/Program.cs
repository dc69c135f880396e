using Crm.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();
app.UseApiConventions();
app.MapDefaultEndpoints();
app.MapApiReference();
app.MapReverseProxy();
app.Run();

public partial class Program;
