using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Partners.Data.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("Deliveries");
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Id).ValueGeneratedNever();
        delivery.HasOne<Partner>().WithMany().HasForeignKey(d => d.PartnerId).OnDelete(DeleteBehavior.Restrict);
        // The sender's question: which pending deliveries are due.
        delivery.HasIndex(d => d.NextAttemptAt).HasFilter("\"State\" = 'Pending'");
        delivery.HasIndex(d => new { d.PartnerId, d.CreatedAt });
        delivery.HasIndex(d => d.LeadId);
        delivery.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        delivery.Property(d => d.Event).HasMaxLength(50);
        delivery.Property(d => d.Body).HasColumnType("text");
        delivery.Property(d => d.LastError).HasMaxLength(WebhookDelivery.MaxErrorLength);
        delivery.Property(d => d.ReplayedBy).HasMaxLength(100);
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> attempt)
    {
        attempt.HasKey(a => a.Id);
        attempt.Property(a => a.Id).ValueGeneratedNever();
        attempt.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Restrict);
        attempt.HasIndex(a => new { a.DeliveryId, a.At });
        attempt.Property(a => a.Error).HasMaxLength(WebhookDelivery.MaxErrorLength);
    }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> job)
    {
        job.HasKey(j => j.Id);
        job.Property(j => j.Id).ValueGeneratedNever();
        // The same file uploaded twice is the same job.
        job.HasIndex(j => j.FileHash).IsUnique();
        job.HasIndex(j => j.State).HasFilter("\"State\" IN ('Queued', 'Running')");
        job.Property(j => j.FileHash).HasMaxLength(64);
        job.Property(j => j.FileName).HasMaxLength(TextLimits.Line);
        job.Property(j => j.Format).HasMaxLength(10);
        job.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
        job.Property(j => j.UploadedBy).HasMaxLength(100);
        job.Property(j => j.UploadedByName).HasMaxLength(100);
        job.Property(j => j.Failure).HasMaxLength(TextLimits.Reason);
    }
}

internal sealed class ImportRowErrorConfiguration : IEntityTypeConfiguration<ImportRowError>
{
    public void Configure(EntityTypeBuilder<ImportRowError> error)
    {
        error.HasKey(e => new { e.JobId, e.Row, e.Field });
        error.HasOne<ImportJob>().WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Restrict);
        error.Property(e => e.Field).HasMaxLength(50);
        error.Property(e => e.Reason).HasMaxLength(TextLimits.Reason);
    }
}
