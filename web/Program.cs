using Crm.Web.Components;
using Crm.Web.Data;
using Crm.Web.Gateway;
using Crm.Web.Session;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
// The AppHost runs the console from its build output in every environment (bench/run: Production), where the
// components' files (MudBlazor's) are found only through the static web assets manifest.
builder.WebHost.UseStaticWebAssets();
builder.AddServiceDefaults();
builder.AddConsoleKeys();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddConsoleLanguages();
builder.Services.AddConsoleSignIn();
builder.Services.AddGatewayClient(builder.Configuration);

var app = builder.Build();
// The console is reached through the gateway, which passes the address the browser used.
app.UseForwardedHeaders(ConsoleSignIn.ForwardedHeaders());
app.UseConsoleLanguages();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapConsoleSignIn();
app.MapConsoleDownloads();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();

public partial class Program;
