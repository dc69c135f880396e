using Crm.Contracts.Consumers;

namespace Crm.Contracts;

public static class ContractServices
{
    public static IHostApplicationBuilder AddContractServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddArrivals();
        builder.Services.AddOptions<ContractOptions>().BindConfiguration("Contracts").Validate(o => o.RetrievalDays is >= 1 and <= 365, "Contracts:RetrievalDays is 1 to 365.").ValidateOnStart();
        builder.Services.AddScoped<ReceiveForms>().AddScoped<IssueForm>().AddScoped<SignForm>().AddScoped<RetrieveForm>()
            .AddScoped<PassOnForm>().AddScoped<ReturnForm>().AddScoped<ReviewForm>().AddScoped<ReportForm>()
            .AddScoped<AcknowledgeForm>().AddScoped<EndForm>()
            .AddScoped<RecommendRequisition>().AddScoped<RequestRequisition>().AddScoped<GrantAuthorisation>().AddScoped<RevokeAuthorisation>()
            .AddScoped<CountStock>();
        builder.AddServiceMessaging<ContractDbContext>("contracts", "contractdb", bus =>
        {
            bus.AddConsumer<StoreOpenedConsumer>();
            bus.AddConsumer<StaffAccountOpenedConsumer>();
            bus.AddConsumer<StaffAccountChangedConsumer>();
            bus.AddConsumer<DesignerJoinedConsumer>();
            bus.AddConsumer<CustomerRegisteredConsumer>();
            bus.AddConsumer<MilestoneRecordedConsumer>();
        });
        return builder;
    }
}
