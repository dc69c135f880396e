using Crm.Gateway.Consumers;
using Crm.Gateway.Security;
using Microsoft.AspNetCore.Identity;

namespace Crm.Gateway;

public static class GatewayServices
{
    /// <summary>Staff accounts with Identity's password hashing and lockout (five wrong passwords lock an account for 15 minutes).</summary>
    public static IServiceCollection AddStaffAccounts(this IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration("Seed");
        services.AddIdentityCore<StaffUser>(identity =>
            {
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.Password.RequiredLength = 8;
                identity.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<GatewayDbContext>();
        services.AddScoped<StaffAccounts>();
        return services;
    }

    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = FrontDoor.MaxBodyBytes);
        builder.AddServiceMessaging<GatewayDbContext>("gateway", "gatewaydb", bus =>
        {
            bus.AddConsumer<StoreOpenedConsumer>();
        });

        services.AddStaffAccounts();
        services.AddArrivals();
        services.AddSingleton<TokenIssuer>();
        services.AddGatewayRateLimits(builder.Configuration);
        services.AddPartnerKeys(builder.Configuration);
        // Closed unless origins are configured: browsers on other sites cannot call the API.
        services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
            if (origins.Length > 0) policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod();
        }));

        services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }
}
