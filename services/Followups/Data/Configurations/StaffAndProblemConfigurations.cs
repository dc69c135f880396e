using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Followups.Data.Configurations;

internal sealed class StaffCopyConfiguration : IEntityTypeConfiguration<StaffCopy>
{
    public void Configure(EntityTypeBuilder<StaffCopy> staff) => StaffCopy.Configure(staff);
}

internal sealed class ReassignmentConfiguration : IEntityTypeConfiguration<Reassignment>
{
    public void Configure(EntityTypeBuilder<Reassignment> reassignment)
    {
        reassignment.HasKey(r => r.Id);
        reassignment.HasIndex(r => new { r.StoreId, r.CustomerId });
        reassignment.Property(r => r.FromName).HasMaxLength(TextLimits.Name);
        reassignment.Property(r => r.ToName).HasMaxLength(TextLimits.Name);
        reassignment.Property(r => r.Reason).HasMaxLength(TextLimits.Reason);
        reassignment.Property(r => r.By).HasMaxLength(TextLimits.Name);
    }
}

internal sealed class CustomerProblemConfiguration : IEntityTypeConfiguration<CustomerProblem>
{
    public void Configure(EntityTypeBuilder<CustomerProblem> problem)
    {
        problem.HasKey(p => p.Id);
        // The store's open problems, the oldest due first: the morning meeting's list.
        problem.HasIndex(p => new { p.StoreId, p.DueOn }).HasFilter("\"ResolvedAt\" IS NULL");
        problem.HasIndex(p => new { p.StoreId, p.CustomerId });
        problem.Property(p => p.CustomerNo).HasMaxLength(30);
        problem.Property(p => p.DesignerName).HasMaxLength(TextLimits.Name);
        problem.Property(p => p.What).HasMaxLength(TextLimits.Text);
        problem.Property(p => p.RaisedById).HasMaxLength(64);
        problem.Property(p => p.RaisedByName).HasMaxLength(TextLimits.Name);
        problem.Property(p => p.ResolvedById).HasMaxLength(64);
        problem.Property(p => p.ResolvedByName).HasMaxLength(TextLimits.Name);
        problem.Property(p => p.Resolution).HasMaxLength(TextLimits.Text);
    }
}
