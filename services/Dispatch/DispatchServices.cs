using Crm.Dispatch.Consumers;
using Crm.Dispatch.Jobs;

namespace Crm.Dispatch;

public static class DispatchServices
{
    public static IHostApplicationBuilder AddDispatchServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddArrivals().AddWaitingEvents<DispatchDbContext>();
        builder.Services.AddOptions<AutomaticDispatchOptions>().BindConfiguration("Dispatch:Automatic");
        builder.Services.AddSingleton<AutomaticDispatchSignal>();
        builder.Services.AddHostedService<AutomaticDispatch>();
        builder.Services.AddScoped<CreateAssignment>().AddScoped<SuggestDesigner>()
            .AddScoped<AcceptAssignment>().AddScoped<RefuseAssignment>().AddScoped<ReassignAssignment>()
            .AddScoped<AddDesigner>().AddScoped<EditDesigner>().AddScoped<ChangeDesignerStatus>().AddScoped<RecordDuty>()
            .AddScoped<ChangeSettings>();
        builder.AddServiceMessaging<DispatchDbContext>("dispatch", "dispatchdb", bus =>
        {
            bus.AddConsumer<StoreOpenedConsumer>();
            bus.AddConsumer<CustomerRegisteredConsumer>();
            bus.AddApplyingConsumer<MilestoneRecordedConsumer, MilestoneRecorded>(builder.Services);
            bus.AddApplyingConsumer<CustomerDetailsChangedConsumer, CustomerDetailsChanged>(builder.Services);
        });
        return builder;
    }
}
