using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Contracts.Data.Configurations;

internal sealed class StoreCopyConfiguration : IEntityTypeConfiguration<StoreCopy>
{
    public void Configure(EntityTypeBuilder<StoreCopy> store) => StoreCopy.Configure(store);
}
