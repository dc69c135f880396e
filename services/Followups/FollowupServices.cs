using Crm.Followups.Jobs;
using Crm.Followups.Consumers;

namespace Crm.Followups;

public static class FollowupServices
{
    public static IHostApplicationBuilder AddFollowupServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddArrivals();
        builder.Services.AddScoped<RecordFollowUp>().AddScoped<CompleteTask>().AddScoped<RunTaskRules>()
            .AddScoped<ReassignCustomer>().AddScoped<RaiseProblem>().AddScoped<ResolveProblem>();
        builder.Services.AddOptions<TaskRuleScheduleOptions>().BindConfiguration("Followups:TaskRules");
        builder.Services.AddSingleton<TaskRuleSchedule>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TaskRuleSchedule>());
        builder.AddServiceMessaging<FollowupDbContext>("followups", "followupdb", bus =>
        {
            bus.AddConsumer<StoreOpenedConsumer>();
            bus.AddConsumer<CustomerRegisteredConsumer>();
            bus.AddConsumer<MilestoneRecordedConsumer>();
            bus.AddConsumer<AssignmentRefusedConsumer>();
            bus.AddConsumer<StaffAccountOpenedConsumer>();
            bus.AddConsumer<StaffAccountChangedConsumer>();
            bus.AddConsumer<CustomerDispatchedConsumer>();
            bus.AddConsumer<ConsultantNamedConsumer>();
        });
        return builder;
    }
}
