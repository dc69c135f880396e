using Microsoft.AspNetCore.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Http;

/// <summary>The API conventions of api.md that every service shares.</summary>
public static class ApiConventions
{
    public static IServiceCollection AddApiConventions(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestProblemHandler>();
        // Bad bodies must reach the handler above as exceptions, in every environment.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));
        services.AddOpenApi();
        return services;
    }

    /// <summary>camelCase, enums by their English names, numbers as numbers, unknown fields rejected rather than ignored.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        json.Converters.Add(new UtcInstantConverter());
        return json;
    }

    /// <summary>Problem details for errors, and the service's OpenAPI document.</summary>
    public static WebApplication UseApiConventions(this WebApplication app)
    {
        // A 503 always says when to come back (a record on its way, a dependency away).
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable && !context.Response.Headers.ContainsKey("Retry-After"))
                    context.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseQueryTextGuard();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
