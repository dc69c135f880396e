using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Followups.Data.Configurations;

internal sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> task)
    {
        task.HasKey(t => t.Id);
        task.HasOne<FollowupStore>().WithMany().HasForeignKey(t => t.StoreId).OnDelete(DeleteBehavior.Restrict);
        task.HasIndex(t => new { t.StoreId, t.DueOn });
        task.HasIndex(t => t.CustomerId);
        task.HasIndex(t => new { t.AssigneeId, t.DueOn });
        task.Property(t => t.AssigneeName).HasMaxLength(TextLimits.Name);
        task.Property(t => t.CustomerNo).HasMaxLength(30);
        task.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        task.Property(t => t.Reason).HasMaxLength(300);
        task.Property(t => t.ClosedReason).HasMaxLength(300);
    }
}
