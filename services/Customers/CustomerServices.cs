using Crm.Customers.Consumers;

namespace Crm.Customers;

public static class CustomerServices
{
    public static IHostApplicationBuilder AddCustomerServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<OpenStore>().AddScoped<RegisterCustomer>().AddScoped<ChangeCustomer>()
            .AddScoped<RecordMilestone>().AddScoped<RecordVisit>().AddScoped<NameConsultant>();
        builder.Services.AddArrivals();
        builder.AddServiceMessaging<CustomerDbContext>("customers", "customerdb", bus =>
        {
            bus.AddConsumer<CustomerDispatchedConsumer>();
            bus.AddConsumer<LeadReceivedConsumer>();
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
