using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Dispatch.Data.Configurations;

internal sealed class DispatchStoreConfiguration : IEntityTypeConfiguration<DispatchStore>
{
    public void Configure(EntityTypeBuilder<DispatchStore> store) => StoreCopy.Configure(store);
}
