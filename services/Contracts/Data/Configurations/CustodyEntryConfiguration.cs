using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Contracts.Data.Configurations;

/// <summary>The custody ledger: append-only, also in the database (a trigger refuses updates and deletes; see the migration).</summary>
internal sealed class CustodyEntryConfiguration : IEntityTypeConfiguration<CustodyEntry>
{
    public void Configure(EntityTypeBuilder<CustodyEntry> entry)
    {
        entry.ToTable("CustodyEntries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Serial).HasMaxLength(ContractDbContext.SerialLength);
        entry.HasIndex(e => new { e.Serial, e.At });
        entry.HasIndex(e => new { e.StoreId, e.At });
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.StateAfter).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.FromName).HasMaxLength(TextLimits.Name);
        entry.Property(e => e.ToName).HasMaxLength(TextLimits.Name);
        entry.Property(e => e.RecordedByName).HasMaxLength(TextLimits.Name);
        entry.Property(e => e.Purpose).HasMaxLength(TextLimits.Reason);
    }
}
