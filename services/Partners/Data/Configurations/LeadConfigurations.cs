using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Partners.Data.Configurations;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> lead)
    {
        lead.HasKey(l => l.Id);
        lead.Property(l => l.Id).ValueGeneratedNever();
        // One lead per supplier and external id (marketing's leads have no partner: nulls count as equal).
        lead.HasIndex(l => new { l.PartnerId, l.ExternalId }).IsUnique().AreNullsDistinct(false);
        lead.HasIndex(l => l.Phone);
        lead.HasIndex(l => l.CustomerId);
        lead.HasIndex(l => new { l.StoreId, l.ReceivedAt });
        lead.HasIndex(l => new { l.ImportJobId, l.ImportRow });
        lead.Property(l => l.Source).HasConversion<string>().HasMaxLength(30);
        lead.Property(l => l.Status).HasConversion<string>().HasMaxLength(30);
        lead.Property(l => l.SupplierName).HasMaxLength(TextLimits.Name);
        lead.Property(l => l.ExternalId).HasMaxLength(LeadRequests.MaxExternalIdLength);
        lead.Property(l => l.Name).HasMaxLength(BasicInfoRules.MaxNameLength);
        lead.Property(l => l.Phone).HasMaxLength(20);
        lead.Property(l => l.CustomerNo).HasMaxLength(30);
        lead.Property(l => l.SpecialRequest).HasMaxLength(TextLimits.Reason);
        lead.Property(l => l.Info).HasColumnType("jsonb").HasConversion(
            info => BasicInfoJson.Write(info),
            json => BasicInfoJson.Read(json),
            new ValueComparer<BasicInfo>((a, b) => BasicInfoJson.Write(a!) == BasicInfoJson.Write(b!), info => BasicInfoJson.Write(info).GetHashCode(), info => info));
    }
}

internal sealed class LeadStatusChangeConfiguration : IEntityTypeConfiguration<LeadStatusChange>
{
    public void Configure(EntityTypeBuilder<LeadStatusChange> change)
    {
        change.HasKey(c => c.Id);
        change.Property(c => c.Id).ValueGeneratedNever();
        change.HasOne<Lead>().WithMany().HasForeignKey(c => c.LeadId).OnDelete(DeleteBehavior.Restrict);
        change.Property(c => c.From).HasConversion<string>().HasMaxLength(30);
        change.Property(c => c.To).HasConversion<string>().HasMaxLength(30);
        change.Property(c => c.Cause).HasMaxLength(100);
    }
}

internal sealed class CustomerProgressConfiguration : IEntityTypeConfiguration<CustomerProgress>
{
    public void Configure(EntityTypeBuilder<CustomerProgress> progress)
    {
        progress.HasKey(p => p.CustomerId);
        progress.Property(p => p.CustomerId).ValueGeneratedNever();
        progress.HasIndex(p => p.LeadId);
        progress.Property(p => p.Stage).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class KnownPhoneConfiguration : IEntityTypeConfiguration<KnownPhone>
{
    public void Configure(EntityTypeBuilder<KnownPhone> phone)
    {
        phone.HasKey(p => p.CustomerId);
        phone.Property(p => p.CustomerId).ValueGeneratedNever();
        phone.HasIndex(p => p.Phone);
        phone.Property(p => p.Phone).HasMaxLength(20);
    }
}
