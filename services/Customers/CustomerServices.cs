using MassTransit;
using Crm.Customers.Consumers;

namespace Crm.Customers;

public static class CustomerServices
{
    public static IHostApplicationBuilder AddCustomerServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<OpenStore>().AddScoped<RegisterCustomer>().AddScoped<ChangeCustomer>()
            .AddScoped<RecordMilestone>().AddScoped<RecordVisit>().AddScoped<NameConsultant>().AddScoped<DuplicatePhone>();
        builder.Services.AddSingleton<PhoneClaims>();
        builder.Services.AddArrivals();
        // Leads arrive in bulk (a marketing import, a partner's batch); registering them at a bounded rate
        // leaves the machine to the stores' front desks, whose walk-ins are dispatched while an import runs.
        var leadsPerSecond = builder.Configuration.GetValue("Customers:Leads:PerSecond", 5);
        builder.AddServiceMessaging<CustomerDbContext>("customers", "customerdb", bus =>
        {
            bus.AddConsumer<CustomerDispatchedConsumer>();
            bus.AddConsumer<LeadReceivedConsumer>((_, c) => c.Message<LeadReceived>(m => m.UseRateLimit(leadsPerSecond, TimeSpan.FromSeconds(1))));
            bus.AddConsumer<ContractSignedConsumer>();
            bus.AddConsumer<ContractReviewedConsumer>();
            bus.AddConsumer<FollowUpRecordedConsumer>();
            bus.AddConsumer<AssignmentAcceptedConsumer>();
            bus.AddConsumer<AssignmentRefusedConsumer>();
            bus.AddConsumer<StaffAccountOpenedConsumer>();
            bus.AddConsumer<StaffAccountChangedConsumer>();
            bus.AddConsumer<CustomerProblemRaisedConsumer>();
            bus.AddConsumer<CustomerProblemResolvedConsumer>();
        });
        return builder;
    }
}
