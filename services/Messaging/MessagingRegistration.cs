using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Crm.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// Registers the service's database (connection string <paramref name="connectionName"/>), its
    /// outbox relay and inbox, and MassTransit on RabbitMQ (connection string "messaging").
    /// Queues are named after the service so that each service gets its own copy of an event.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        string connectionName,
        Action<IBusRegistrationConfigurator> addConsumers)
        where TDbContext : DbContext, IMessagingDbContext
    {
        var services = builder.Services;
        services.TryAddTimeProvider();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<OutboxWakeUpInterceptor>();
        services.AddOptions<OutboxOptions>().BindConfiguration("Messaging:Outbox");
        services.AddDbContext<TDbContext>((sp, options) => options
            .UseNpgsql(builder.Configuration.GetConnectionString(connectionName))
            .AddInterceptors(sp.GetRequiredService<OutboxWakeUpInterceptor>()));
        builder.EnrichNpgsqlDbContext<TDbContext>();
        services.AddHostedService<OutboxRelay<TDbContext>>();

        var failed = new FailedMessages();
        services.AddSingleton(failed);
        services.AddHealthChecks().AddCheck("failed-messages", failed, tags: ["messaging"]);

        // Tests give each test process its own exchange names (EntityPrefix) and each host its own
        // queues (QueuePrefix), on a shared broker.
        var entityPrefix = builder.Configuration["Messaging:EntityPrefix"];
        services.AddMassTransit(bus =>
        {
            var endpointPrefix = builder.Configuration["Messaging:QueuePrefix"] is { Length: > 0 } queuePrefix ? queuePrefix : serviceName;
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(endpointPrefix, false));
            addConsumers(bus);
            var retries = builder.Configuration.GetSection("Messaging:Retry").Get<RetryOptions>() ?? new RetryOptions();
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
                endpoint.UseMessageRetry(retry => retry.Exponential(retries.Limit, retries.MinInterval, retries.MaxInterval, retries.IntervalDelta)));
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var connectionString = builder.Configuration.GetConnectionString("messaging")
                    ?? throw new InvalidOperationException("The connection string 'messaging' (RabbitMQ) is not configured.");
                rabbit.Host(new Uri(connectionString));
                if (!string.IsNullOrEmpty(entityPrefix))
                    rabbit.MessageTopology.SetEntityNameFormatter(new ExchangePrefix(rabbit.MessageTopology.EntityNameFormatter, entityPrefix + "."));
                rabbit.ConnectReceiveObserver(failed);
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
