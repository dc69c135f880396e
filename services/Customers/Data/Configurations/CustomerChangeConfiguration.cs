using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Customers.Data.Configurations;

internal sealed class CustomerChangeConfiguration : IEntityTypeConfiguration<CustomerChange>
{
    public void Configure(EntityTypeBuilder<CustomerChange> change)
    {
        change.HasKey(c => c.Id);
        change.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        change.HasIndex(c => new { c.CustomerId, c.ChangedAt });
        change.Property(c => c.Field).HasMaxLength(50);
        change.Property(c => c.Reason).HasMaxLength(MilestoneDraft.MaxReasonLength);
        change.Property(c => c.ChangedBy).HasMaxLength(100);
        change.Property(c => c.ChangedByName).HasMaxLength(100);
    }
}
