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
        services.AddScoped<CustomerResourceFigures>().AddScoped<StaleCustomers>().AddScoped<MorningMeeting>().AddScoped<WaitingEvents>().AddScoped<Tallies>().AddScoped<Reconciliation>();
        builder.AddServiceMessaging<ReportDbContext>("reports", "reportdb", bus =>
        {
            // Each consumer is also how a waiting event of its kind is applied when released.
            void Fact<TConsumer, TMessage>() where TConsumer : FactConsumer<TMessage> where TMessage : class
            {
                bus.AddConsumer<TConsumer>();
                services.AddScoped<IFact<TMessage>>(sp => sp.GetRequiredService<TConsumer>());
            }
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
