using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Dispatch.Data.Configurations;

internal sealed class StoreCopyConfiguration : IEntityTypeConfiguration<StoreCopy>
{
    public void Configure(EntityTypeBuilder<StoreCopy> store)
    {
        store.ToTable("Stores");
        store.HasKey(s => s.Id);
        store.Property(s => s.Id).ValueGeneratedNever();
        store.Property(s => s.Code).HasMaxLength(10);
        store.Property(s => s.Name).HasMaxLength(100);
        store.Property(s => s.TimeZone).HasMaxLength(50);
    }
}
