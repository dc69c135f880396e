using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Dispatch.Data.Configurations;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> assignment)
    {
        assignment.HasKey(a => a.Id);
        assignment.HasOne<StoreCopy>().WithMany().HasForeignKey(a => a.StoreId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne<Designer>().WithMany().HasForeignKey(a => a.DesignerId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasIndex(a => new { a.StoreId, a.CreatedAt });
        assignment.HasIndex(a => a.CustomerId);
        assignment.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        assignment.Property(a => a.DecidingRule).HasMaxLength(50);
        assignment.Property(a => a.RequestedBy).HasMaxLength(100);
    }
}
