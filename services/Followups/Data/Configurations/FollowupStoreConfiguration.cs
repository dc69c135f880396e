using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Followups.Data.Configurations;

internal sealed class FollowupStoreConfiguration : IEntityTypeConfiguration<FollowupStore>
{
    public void Configure(EntityTypeBuilder<FollowupStore> store) => StoreCopy.Configure(store);
}
