using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Customers.Data.Configurations;

internal sealed class CustomerNumberCounterConfiguration : IEntityTypeConfiguration<CustomerNumberCounter>
{
    public void Configure(EntityTypeBuilder<CustomerNumberCounter> counter)
    {
        counter.HasKey(c => new { c.StoreId, c.Year });
        counter.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
    }
}
