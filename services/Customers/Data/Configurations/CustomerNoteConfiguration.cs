using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Customers.Data.Configurations;

internal sealed class CustomerNoteConfiguration : IEntityTypeConfiguration<CustomerNote>
{
    public void Configure(EntityTypeBuilder<CustomerNote> note)
    {
        note.HasKey(n => n.Id);
        note.HasOne<Customer>().WithMany().HasForeignKey(n => n.CustomerId).OnDelete(DeleteBehavior.Restrict);
        note.HasIndex(n => new { n.CustomerId, n.At });
        note.Property(n => n.Kind).HasMaxLength(30);
        note.Property(n => n.Summary).HasMaxLength(1000);
        note.Property(n => n.By).HasMaxLength(100);
    }
}
