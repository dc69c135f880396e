using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Customers.Data.Configurations;

internal sealed class CustomerVisitConfiguration : IEntityTypeConfiguration<CustomerVisit>
{
    public void Configure(EntityTypeBuilder<CustomerVisit> visit)
    {
        visit.HasKey(v => v.Id);
        visit.HasOne<Customer>().WithMany().HasForeignKey(v => v.CustomerId).OnDelete(DeleteBehavior.Restrict);
        visit.HasIndex(v => v.CustomerId);
        // The walk-in and phone registers: one store, one channel, a day or a month.
        visit.HasIndex(v => new { v.StoreId, v.Channel, v.On });
        visit.Property(v => v.Channel).HasConversion<string>().HasMaxLength(20);
        visit.Property(v => v.Note).HasMaxLength(MilestoneDraft.MaxReasonLength);
        visit.Property(v => v.RecordedBy).HasMaxLength(100);
        visit.Property(v => v.RecordedByName).HasMaxLength(100);
    }
}
