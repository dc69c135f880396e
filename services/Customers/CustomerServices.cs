using Crm.Customers.Consumers;

namespace Crm.Customers;

public static class CustomerServices
{
    public static IHostApplicationBuilder AddCustomerServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<OpenStore>().AddScoped<RegisterCustomer>().AddScoped<ChangeCustomer>()
            .AddScoped<RecordMilestone>().AddScoped<RecordVisit>();
        builder.AddServiceMessaging<CustomerDbContext>("customers", "customerdb", bus =>
        {
            bus.AddConsumer<CustomerDispatchedConsumer>();
            bus.AddConsumer<ContractSignedConsumer>();
            bus.AddConsumer<ContractReviewedConsumer>();
            bus.AddConsumer<FollowUpRecordedConsumer>();
            bus.AddConsumer<AssignmentAcceptedConsumer>();
            bus.AddConsumer<AssignmentRefusedConsumer>();
        });
        return builder;
    }
}
