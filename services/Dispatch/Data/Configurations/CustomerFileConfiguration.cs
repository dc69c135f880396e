using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Dispatch.Data.Configurations;

internal sealed class CustomerFileConfiguration : IEntityTypeConfiguration<CustomerFile>
{
    public void Configure(EntityTypeBuilder<CustomerFile> file)
    {
        file.HasKey(f => f.CustomerId);
        file.Property(f => f.CustomerId).ValueGeneratedNever();
        file.HasOne<DispatchStore>().WithMany().HasForeignKey(f => f.StoreId).OnDelete(DeleteBehavior.Restrict);
        // Holdings and stalled proposals per designer of a store.
        file.HasIndex(f => new { f.StoreId, f.DesignerId });
        // The customers waiting for automatic dispatch, per store in registration order: small, since they leave it at once.
        file.HasIndex(f => new { f.StoreId, f.AwaitingDispatchSince }).HasFilter("\"AwaitingDispatchSince\" IS NOT NULL");
        file.Property(f => f.CustomerNo).HasMaxLength(30);
        file.Property(f => f.SpecialRequest).HasMaxLength(TextLimits.Reason);
        file.Property(f => f.Budget).HasPrecision(14, 2);
        file.Property(f => f.AreaM2).HasPrecision(9, 2);
    }
}
