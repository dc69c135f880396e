using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Dispatch.Data.Configurations;

internal sealed class DispatchSettingsConfiguration : IEntityTypeConfiguration<DispatchSettings>
{
    public void Configure(EntityTypeBuilder<DispatchSettings> settings)
    {
        settings.HasKey(s => s.StoreId);
        settings.HasOne<DispatchStore>().WithOne().HasForeignKey<DispatchSettings>(s => s.StoreId).OnDelete(DeleteBehavior.Restrict);
        settings.Property(s => s.BigOrderBudget).HasPrecision(14, 2);
        settings.Property(s => s.BigOrderArea).HasPrecision(9, 2);
        settings.Property(s => s.UpdatedBy).HasMaxLength(100);
        settings.Ignore(s => s.Values);
    }
}
