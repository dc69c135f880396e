using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Contracts.Data.Configurations;

internal sealed class StaffCopyConfiguration : IEntityTypeConfiguration<StaffCopy>
{
    public void Configure(EntityTypeBuilder<StaffCopy> staff) => StaffCopy.Configure(staff);
}

internal sealed class DesignerCopyConfiguration : IEntityTypeConfiguration<DesignerCopy>
{
    public void Configure(EntityTypeBuilder<DesignerCopy> designer)
    {
        designer.ToTable("Designers");
        designer.HasKey(d => d.Id);
        designer.Property(d => d.Id).ValueGeneratedNever();
        designer.Property(d => d.Name).HasMaxLength(TextLimits.Name);
    }
}

internal sealed class CustomerCopyConfiguration : IEntityTypeConfiguration<CustomerCopy>
{
    public void Configure(EntityTypeBuilder<CustomerCopy> customer)
    {
        customer.ToTable("Customers");
        customer.HasKey(c => c.Id);
        customer.Property(c => c.Id).ValueGeneratedNever();
        customer.Property(c => c.CustomerNo).HasMaxLength(30);
    }
}

internal sealed class SigningConfiguration : IEntityTypeConfiguration<Signing>
{
    public void Configure(EntityTypeBuilder<Signing> signing)
    {
        signing.HasKey(s => s.MilestoneId);
        signing.Property(s => s.MilestoneId).ValueGeneratedNever();
        signing.HasIndex(s => new { s.StoreId, s.SignedAt });
    }
}

internal sealed class RecipientAuthorisationConfiguration : IEntityTypeConfiguration<RecipientAuthorisation>
{
    public void Configure(EntityTypeBuilder<RecipientAuthorisation> authorisation)
    {
        authorisation.HasKey(a => a.Id);
        authorisation.HasIndex(a => new { a.StoreId, a.UserId });
        authorisation.Property(a => a.UserName).HasMaxLength(TextLimits.Name);
        authorisation.Property(a => a.GrantedBy).HasMaxLength(TextLimits.Name);
        authorisation.Property(a => a.RevokedBy).HasMaxLength(TextLimits.Name);
    }
}

internal sealed class RequisitionConfiguration : IEntityTypeConfiguration<Requisition>
{
    public void Configure(EntityTypeBuilder<Requisition> requisition)
    {
        requisition.HasKey(r => r.Id);
        requisition.HasIndex(r => new { r.StoreId, r.Month });
        requisition.Property(r => r.Note).HasMaxLength(TextLimits.Reason);
        requisition.Property(r => r.RequestedBy).HasMaxLength(TextLimits.Name);
    }
}

internal sealed class StockCountConfiguration : IEntityTypeConfiguration<StockCount>
{
    public void Configure(EntityTypeBuilder<StockCount> count)
    {
        count.HasKey(c => c.Id);
        count.HasIndex(c => new { c.StoreId, c.CountedAt });
        count.Property(c => c.CountedBy).HasMaxLength(TextLimits.Name);
    }
}
