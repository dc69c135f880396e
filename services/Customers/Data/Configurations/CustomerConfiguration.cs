using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Customers.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> customer)
    {
        customer.HasKey(c => c.Id);
        customer.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
        customer.HasIndex(c => c.CustomerNo).IsUnique();
        // One phone number is one customer across the whole chain.
        customer.HasIndex(c => c.Phone).IsUnique();
        customer.HasIndex(c => new { c.StoreId, c.RegisteredAt });
        customer.Property(c => c.CustomerNo).HasMaxLength(30);
        customer.Property(c => c.Name).HasMaxLength(100);
        customer.Property(c => c.Phone).HasMaxLength(20);
        customer.Property(c => c.Source).HasConversion<string>().HasMaxLength(30);
        customer.Property(c => c.Stage).HasConversion<string>().HasMaxLength(30);
        customer.OwnsOne(c => c.Designer, designer =>
        {
            designer.Property(d => d.AssignmentId).HasColumnName("AssignmentId");
            designer.Property(d => d.DesignerId).HasColumnName("DesignerId");
            designer.Property(d => d.DesignerName).HasColumnName("DesignerName").HasMaxLength(100);
            designer.Property(d => d.DispatchedAt).HasColumnName("DispatchedAt");
        });
    }
}
