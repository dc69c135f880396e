using Crm.Reports.Consumers;
using Crm.Reports.Reports;

namespace Crm.Reports;

public static class ReportServices
{
    public static IHostApplicationBuilder AddReportServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CustomerResourceFigures>().AddScoped<StaleCustomers>().AddScoped<MorningMeeting>();
        builder.AddServiceMessaging<ReportDbContext>("reports", "reportdb", bus =>
        {
            bus.AddConsumer<StoreOpenedConsumer>();
            bus.AddConsumer<CustomerRegisteredConsumer>();
            bus.AddConsumer<CustomerDispatchedConsumer>();
            bus.AddConsumer<MilestoneRecordedConsumer>();
            bus.AddConsumer<CustomerDetailsChangedConsumer>();
            bus.AddConsumer<FollowUpRecordedConsumer>();
            bus.AddConsumer<ConsultantNamedConsumer>();
            bus.AddConsumer<DesignerJoinedConsumer>();
            bus.AddConsumer<DutyRecordedConsumer>();
            bus.AddConsumer<CustomerProblemRaisedConsumer>();
            bus.AddConsumer<CustomerProblemResolvedConsumer>();
        });
        return builder;
    }
}
