using Crm.Followups.Jobs;
using Crm.Followups.Consumers;

namespace Crm.Followups;

public static class FollowupServices
{
    public static IHostApplicationBuilder AddFollowupServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddArrivals().AddWaitingEvents<FollowupDbContext>();
        builder.Services.AddScoped<RecordFollowUp>().AddScoped<CompleteTask>().AddScoped<RunTaskRules>()
            .AddScoped<ReassignCustomer>().AddScoped<RaiseProblem>().AddScoped<ResolveProblem>();
        builder.Services.AddOptions<TaskRuleScheduleOptions>().BindConfiguration("Followups:TaskRules");
        builder.Services.AddSingleton<TaskRuleSchedule>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TaskRuleSchedule>());
        builder.AddServiceMessaging<FollowupDbContext>("followups", "followupdb", bus =>
        {
            bus.AddConsumer<StoreOpenedConsumer>();
            bus.AddConsumer<CustomerRegisteredConsumer>();
            bus.AddApplyingConsumer<MilestoneRecordedConsumer, MilestoneRecorded>(builder.Services);
            bus.AddConsumer<AssignmentRefusedConsumer>();
            bus.AddConsumer<StaffAccountOpenedConsumer>();
            bus.AddConsumer<StaffAccountChangedConsumer>();
            bus.AddApplyingConsumer<CustomerDispatchedConsumer, CustomerDispatched>(builder.Services);
            bus.AddApplyingConsumer<ConsultantNamedConsumer, ConsultantNamed>(builder.Services);
        });
        return builder;
    }
}
