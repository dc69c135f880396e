using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Followups.Data.Configurations;

internal sealed class FollowedCustomerConfiguration : IEntityTypeConfiguration<FollowedCustomer>
{
    public void Configure(EntityTypeBuilder<FollowedCustomer> customer)
    {
        customer.ToTable("Customers");
        customer.HasKey(c => c.Id);
        customer.Property(c => c.Id).ValueGeneratedNever();
        customer.HasIndex(c => new { c.StoreId, c.RegisteredOn });
        customer.Property(c => c.CustomerNo).HasMaxLength(30);
        customer.Property(c => c.AssigneeName).HasMaxLength(TextLimits.Name);
        customer.Property(c => c.DesignerName).HasMaxLength(TextLimits.Name);
        customer.Property(c => c.ConsultantName).HasMaxLength(TextLimits.Name);
        customer.Property(c => c.Source).HasConversion<string>().HasMaxLength(30);
        customer.Property(c => c.Stage).HasConversion<string>().HasMaxLength(30);
    }
}
