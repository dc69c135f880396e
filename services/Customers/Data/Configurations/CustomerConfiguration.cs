using Microsoft.EntityFrameworkCore.ChangeTracking;
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
        // A lead becomes at most one customer.
        customer.HasIndex(c => c.LeadId).IsUnique().HasFilter("\"LeadId\" IS NOT NULL");
        // The list's default order and the register date filters (see bench/customer-search).
        customer.HasIndex(c => new { c.StoreId, c.RegisteredAt });
        customer.HasIndex(c => new { c.StoreId, c.RegisteredOn });
        customer.HasIndex(c => new { c.StoreId, c.Stage, c.RegisteredAt });
        customer.HasIndex(c => new { c.StoreId, c.Source, c.RegisteredAt });
        // Free-text search by any part of a name or phone (e.g. the last four digits).
        customer.HasIndex(c => c.Name, "IX_Customers_Name_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        customer.HasIndex(c => c.Phone, "IX_Customers_Phone_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");

        customer.Property(c => c.CustomerNo).HasMaxLength(30);
        customer.Property(c => c.Name).HasMaxLength(BasicInfoRules.MaxNameLength);
        customer.Property(c => c.Phone).HasMaxLength(20);
        customer.Property(c => c.Source).HasConversion<string>().HasMaxLength(30);
        customer.Property(c => c.Stage).HasConversion<string>().HasMaxLength(30);
        customer.Property(c => c.Completeness).HasPrecision(5, 4);
        customer.Property(c => c.SpecialRequest).HasMaxLength(TextLimits.Reason);
        customer.Property(c => c.RegisteredBy).HasMaxLength(100);
        customer.Property(c => c.RegisteredByName).HasMaxLength(100);
        customer.Property(c => c.ConsultantName).HasMaxLength(TextLimits.Name);
        // The basic information is one jsonb document: it is read and written whole, never queried by its parts.
        customer.Property(c => c.Info).HasColumnType("jsonb").HasConversion(
            info => BasicInfoJson.Write(info),
            json => BasicInfoJson.Read(json),
            new ValueComparer<BasicInfo>((a, b) => BasicInfoJson.Write(a!) == BasicInfoJson.Write(b!), info => BasicInfoJson.Write(info).GetHashCode(), info => info));
        customer.HasMany(c => c.Milestones).WithOne().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Restrict);
        customer.Navigation(c => c.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
        customer.OwnsOne(c => c.Designer, designer =>
        {
            designer.Property(d => d.AssignmentId).HasColumnName("AssignmentId");
            designer.Property(d => d.DesignerId).HasColumnName("DesignerId");
            designer.Property(d => d.DesignerName).HasColumnName("DesignerName").HasMaxLength(100);
            designer.Property(d => d.DispatchedAt).HasColumnName("DispatchedAt");
            designer.HasIndex(d => d.DesignerId);
        });
    }
}
