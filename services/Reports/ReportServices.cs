using Crm.Reports.Consumers;
using Crm.Reports.Reports;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Reports;

public static class ReportServices
{
    public static IHostApplicationBuilder AddReportServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CustomerResourceFigures>().AddScoped<StaleCustomers>().AddScoped<MorningMeeting>().AddWaitingEvents<ReportDbContext>().AddScoped<Tallies>().AddScoped<Reconciliation>();
        builder.AddServiceMessaging<ReportDbContext>("reports", "reportdb", bus =>
        {
            void Fact<TConsumer, TMessage>() where TConsumer : FactConsumer<TMessage> where TMessage : class =>
                bus.AddApplyingConsumer<TConsumer, TMessage>(services);
            Fact<StoreOpenedConsumer, StoreOpened>();
            Fact<CustomerRegisteredConsumer, CustomerRegistered>();
            Fact<CustomerDispatchedConsumer, CustomerDispatched>();
            Fact<MilestoneRecordedConsumer, MilestoneRecorded>();
            Fact<CustomerDetailsChangedConsumer, CustomerDetailsChanged>();
            Fact<FollowUpRecordedConsumer, FollowUpRecorded>();
            Fact<ConsultantNamedConsumer, ConsultantNamed>();
            Fact<DesignerJoinedConsumer, DesignerJoined>();
            Fact<DutyRecordedConsumer, DutyRecorded>();
            Fact<CustomerProblemRaisedConsumer, CustomerProblemRaised>();
            Fact<CustomerProblemResolvedConsumer, CustomerProblemResolved>();
            Fact<FollowUpTaskChangedConsumer, FollowUpTaskChanged>();
            Fact<ContractFormMovedConsumer, ContractFormMoved>();
            Fact<LeadReceivedConsumer, LeadReceived>();
            Fact<LeadDuplicateFoundConsumer, LeadDuplicateFound>();
            Fact<CustomerMetConsumer, CustomerMet>();
        });
        return builder;
    }
}
