using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Followups.Data.Configurations;

internal sealed class FollowUpRecordConfiguration : IEntityTypeConfiguration<FollowUpRecord>
{
    public void Configure(EntityTypeBuilder<FollowUpRecord> record)
    {
        record.ToTable("FollowUps");
        record.HasKey(r => r.Id);
        record.HasIndex(r => new { r.CustomerId, r.At });
        record.HasIndex(r => new { r.StoreId, r.At });
        record.Property(r => r.CustomerNo).HasMaxLength(30);
        record.Property(r => r.Form).HasConversion<string>().HasMaxLength(20);
        record.Property(r => r.Purpose).HasMaxLength(TextLimits.Line);
        record.Property(r => r.Content).HasMaxLength(TextLimits.Text);
        record.Property(r => r.Summary).HasMaxLength(TextLimits.Reason);
        record.Property(r => r.Intent).HasMaxLength(TextLimits.Line);
        record.Property(r => r.RecordedByName).HasMaxLength(TextLimits.Name);
        record.Property(r => r.BasicInfoChanges).HasColumnType("jsonb");
        record.Ignore(r => r.Changes);
    }
}
