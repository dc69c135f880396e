using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Reports.Data.Configurations;

internal sealed class LeadFactConfiguration : IEntityTypeConfiguration<LeadFact>
{
    public void Configure(EntityTypeBuilder<LeadFact> lead)
    {
        lead.ToTable("Leads");
        lead.HasKey(l => l.Id);
        lead.Property(l => l.Id).ValueGeneratedNever();
        lead.HasIndex(l => new { l.StoreId, l.ReceivedOn });
        lead.Property(l => l.Source).HasConversion<string>().HasMaxLength(30);
        lead.Property(l => l.SupplierName).HasMaxLength(TextLimits.Name);
        lead.Property(l => l.ExternalId).HasMaxLength(100);
        lead.Property(l => l.Name).HasMaxLength(TextLimits.Name);
    }
}

internal sealed class DuplicateLeadFactConfiguration : IEntityTypeConfiguration<DuplicateLeadFact>
{
    public void Configure(EntityTypeBuilder<DuplicateLeadFact> duplicate)
    {
        duplicate.ToTable("DuplicateLeads");
        duplicate.HasKey(d => d.LeadId);
        duplicate.Property(d => d.LeadId).ValueGeneratedNever();
    }
}
