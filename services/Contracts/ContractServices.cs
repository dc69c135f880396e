using Crm.Contracts.Consumers;

namespace Crm.Contracts;

public static class ContractServices
{
    public static IHostApplicationBuilder AddContractServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceMessaging<ContractDbContext>("contracts", "contractdb", bus =>
        {
            bus.AddConsumer<StoreOpenedConsumer>();
        });
        return builder;
    }
}
