using Crm.Followups.Consumers;

namespace Crm.Followups;

public static class FollowupServices
{
    public static IHostApplicationBuilder AddFollowupServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddArrivals();
        builder.Services.AddScoped<RecordFollowUp>().AddScoped<CompleteTask>();
        builder.AddServiceMessaging<FollowupDbContext>("followups", "followupdb", bus =>
        {
            bus.AddConsumer<StoreOpenedConsumer>();
            bus.AddConsumer<CustomerRegisteredConsumer>();
            bus.AddConsumer<MilestoneRecordedConsumer>();
            bus.AddConsumer<AssignmentRefusedConsumer>();
        });
        return builder;
    }
}
