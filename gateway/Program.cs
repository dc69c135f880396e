using Crm.Gateway;
using Crm.Gateway.Apis;
using Crm.Gateway.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddApiConventions();
builder.Services.AddStaffAuthentication(builder.Configuration);
builder.AddGatewayServices();

var app = builder.Build();
app.UseFrontDoor();
app.UsePartnerKeys();
app.UseCors();
app.UseApiConventions();
app.UseMiddleware<RateLimits>();
app.UseMiddleware<Audit>();
app.UseMiddleware<Idempotency>();
app.MapDefaultEndpoints();
app.MapApiReference();
app.MapAuthApi();
app.MapStaffApi();
app.MapAuditApi();
app.MapMessagingOperations("/api/operations/gateway");
app.MapUnknownApiPaths();
app.MapReverseProxy(proxy => proxy.UseUnreachableServiceProblems());

await app.PrepareDatabaseAsync();
app.Run();

public partial class Program;
