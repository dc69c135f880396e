using Scalar.AspNetCore;

namespace Crm.Gateway;

/// <summary>
/// The browsable API reference at /docs, over the OpenAPI documents of every service that the
/// gateway serves at /openapi/{service}.json (routes in appsettings.json).
/// </summary>
public static class ApiReference
{
    public static readonly string[] Services = ["customers", "dispatch", "contracts", "followups", "reports", "partners"];

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("Customer resource system API");
            // The gateway's own document: sign-in, staff accounts, the audit log.
            options.AddDocument("v1", "Gateway", "/openapi/v1.json");
            foreach (var service in Services)
                options.AddDocument(service, char.ToUpperInvariant(service[0]) + service[1..], $"/openapi/{service}.json");
        }).AllowAnonymous();
        return app;
    }
}
