using Crm.Partners.Consumers;
using Crm.Partners.Jobs;
using Microsoft.AspNetCore.OpenApi;

namespace Crm.Partners;

public static class PartnerServices
{
    public static IHostApplicationBuilder AddPartnerServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddArrivals();
        services.AddScoped<ReceiveLead>().AddScoped<LeadStatusUpdates>().AddScoped<PartnerAdministration>().AddScoped<ImportBatches>();
        services.AddOptions<WebhookOptions>().BindConfiguration("Webhooks");
        services.AddOptions<ImportOptions>().BindConfiguration("Imports");
        services.AddHostedService<WebhookSender>();
        services.AddHostedService<LeadImports>();
        services.AddHealthChecks().AddCheck<ExhaustedDeliveries>("exhausted-webhooks", tags: ["webhooks"]);
        // The partner's guide (keys, idempotency, statuses, webhook signature, retries, errors) heads the OpenAPI document.
        services.Configure<OpenApiOptions>("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Partners and leads";
            document.Info.Description = PartnerGuide.Text;
            return Task.CompletedTask;
        }));
        builder.AddServiceMessaging<PartnerDbContext>("partners", "partnerdb", bus =>
        {
            bus.AddConsumer<StoreOpenedConsumer>();
            bus.AddConsumer<CustomerRegisteredConsumer>();
            bus.AddConsumer<CustomerMetConsumer>();
            bus.AddConsumer<MilestoneRecordedConsumer>();
            bus.AddConsumer<CustomerDetailsChangedConsumer>();
            bus.AddConsumer<LeadDuplicateFoundConsumer>();
        });
        return builder;
    }
}
