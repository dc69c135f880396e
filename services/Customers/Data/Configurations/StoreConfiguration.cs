using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Customers.Data.Configurations;

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> store)
    {
        store.HasKey(s => s.Id);
        store.HasIndex(s => s.Code).IsUnique();
        store.Property(s => s.Code).HasMaxLength(10);
        store.Property(s => s.Name).HasMaxLength(100);
        store.Property(s => s.City).HasMaxLength(50);
        store.Property(s => s.TimeZone).HasMaxLength(50);
    }
}
