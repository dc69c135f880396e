using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;

namespace Crm.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// Registers the service's database (connection string <paramref name="connectionName"/>, and one more per
    /// further shard: <see cref="DatabaseShards"/>), its store directory, the outbox relay (of every shard), event archive and inbox, and MassTransit on RabbitMQ (connection string "messaging").
    /// Queues are named after the service so that each service gets its own copy of an event; each
    /// service also has a replay queue that receives archives sent to it alone.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        string connectionName,
        Action<IBusRegistrationConfigurator> addConsumers)
        where TDbContext : DbContext, IMessagingDbContext
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.TryAddTimeProvider();
        services.AddExceptionHandler<DatabaseBusyProblemHandler>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<RelayCrashSwitch>();
        services.AddScoped<OutboxWakeUpInterceptor>();
        services.AddOptions<OutboxOptions>().BindConfiguration("Messaging:Outbox");
        services.AddOptions<InboxOptions>().BindConfiguration("Messaging:Inbox");
        services.AddOptions<RetentionOptions>().BindConfiguration("Messaging:Retention");
        services.AddSingleton(sp => new DatabaseShards(sp.GetRequiredService<IConfiguration>(), connectionName));
        services.AddSingleton<StorePlacements>();
        services.AddSingleton<StoreMoveMessages>();
        services.AddHostedService<StorePlacementRefresh>();
        services.AddScoped<ShardRoute>();
        // The context opens the shard its scope is routed to: the caller's store's, else home until told otherwise.
        services.AddDbContext<TDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<ShardRoute>().ConnectionString)
            .AddInterceptors(sp.GetRequiredService<OutboxWakeUpInterceptor>()));
        builder.EnrichNpgsqlDbContext<TDbContext>();
        services.AddHostedService<OutboxRelay<TDbContext>>();
        services.AddSingleton<MessagingRetention<TDbContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<MessagingRetention<TDbContext>>());
        services.AddSingleton<IEventArchive, EventArchive<TDbContext>>();
        services.AddScoped<IOutboxAdministration, OutboxAdministration<TDbContext>>();

        // Tests give each test process its own exchange names (EntityPrefix) and each host its own
        // queues (QueuePrefix), on a shared broker.
        var endpoint = new MessagingEndpoint(configuration["Messaging:QueuePrefix"] is { Length: > 0 } queuePrefix ? queuePrefix : serviceName);
        services.AddSingleton(endpoint);
        if (configuration.GetValue("Messaging:ReplayOnFirstStart", true)) services.AddHostedService<ArchiveReplayOnFirstStart<TDbContext>>();

        var failed = new FailedMessages();
        services.AddSingleton(failed);
        services.AddSingleton(sp => new OutboxRelayWatch(TimeProvider.System, sp.GetRequiredService<IOptions<OutboxOptions>>()));
        services.AddHealthChecks()
            .AddCheck<OutboxRelayWatch>("outbox-relay", tags: ["messaging", "live"])
            .AddCheck("failed-messages", failed, tags: ["messaging"])
            .AddCheck<ParkedMessages<TDbContext>>("parked-events", tags: ["messaging"]);

        var entityPrefix = configuration["Messaging:EntityPrefix"];
        var retries = configuration.GetSection("Messaging:Retry").Get<RetryOptions>() ?? new RetryOptions();
        var reconnectInterval = configuration.GetValue("Messaging:ReconnectInterval", ReconnectInterval.Default);
        var broker = configuration.GetSection("Messaging").Get<BrokerOptions>() ?? new BrokerOptions();
        List<Type> consumerTypes = [];
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(endpoint.Name, false));
            addConsumers(bus);
            bus.AddConsumer<ArchiveReplayRequestedConsumer>();
            // MassTransit registers each consumer class as a service: the replay queue gets them all.
            consumerTypes = services.Select(d => d.ServiceType)
                .Where(t => t.IsClass && !t.IsAbstract && typeof(IConsumer).IsAssignableFrom(t) && t != typeof(ArchiveReplayRequestedConsumer))
                .Distinct().ToList();
            bus.AddConfigureEndpointsCallback((_, _, receive) =>
            {
                retries.Apply(receive);
                broker.ApplyTo(receive);
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var connectionString = configuration.GetConnectionString("messaging")
                    ?? throw new InvalidOperationException("The connection string 'messaging' (RabbitMQ) is not configured.");
                rabbit.Host(new Uri(connectionString), broker.ApplyTo);
                broker.ApplyTo(rabbit);
                if (!ReconnectInterval.TryApply(rabbit, reconnectInterval))
                    context.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReconnectInterval)).LogWarning(
                        "The bus's reconnect interval could not be set: after a broker outage its endpoints reconnect up to 30 s apart");
                if (!string.IsNullOrEmpty(entityPrefix))
                    rabbit.MessageTopology.SetEntityNameFormatter(new ExchangePrefix(rabbit.MessageTopology.EntityNameFormatter, entityPrefix + "."));
                rabbit.ConnectReceiveObserver(failed);
                // Each consumer's own queue first: ConfigureEndpoints leaves out consumers already placed elsewhere.
                rabbit.ConfigureEndpoints(context);
                // Archives are sent here, to this service alone, and applied one at a time in their order;
                // events this service does not consume are dropped.
                rabbit.ReceiveEndpoint(endpoint.ReplayQueue, replay =>
                {
                    replay.ConfigureConsumeTopology = false;
                    replay.PrefetchCount = 1;
                    replay.ConcurrentMessageLimit = 1;
                    retries.Apply(replay);
                    broker.ApplyTo(replay);
                    replay.DiscardSkippedMessages();
                    foreach (var consumer in consumerTypes) context.ConfigureConsumer(consumer, replay);
                });
            });
        });
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
