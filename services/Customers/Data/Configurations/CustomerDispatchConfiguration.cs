using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Customers.Data.Configurations;

internal sealed class CustomerDispatchConfiguration : IEntityTypeConfiguration<CustomerDispatch>
{
    public void Configure(EntityTypeBuilder<CustomerDispatch> dispatch)
    {
        dispatch.HasKey(d => d.AssignmentId);
        dispatch.HasOne<Customer>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.Restrict);
        dispatch.HasIndex(d => d.CustomerId);
        // The handed-over register: one store, a day or a month.
        dispatch.HasIndex(d => new { d.StoreId, d.DispatchedOn });
        dispatch.Property(d => d.DesignerName).HasMaxLength(100);
        dispatch.Property(d => d.Decision).HasMaxLength(2000);
    }
}
