using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Contracts.Data.Configurations;

internal sealed class ContractFormConfiguration : IEntityTypeConfiguration<ContractForm>
{
    public void Configure(EntityTypeBuilder<ContractForm> form)
    {
        form.HasKey(f => f.Serial);
        form.Property(f => f.Serial).HasMaxLength(ContractDbContext.SerialLength);
        form.HasOne<StoreCopy>().WithMany().HasForeignKey(f => f.StoreId).OnDelete(DeleteBehavior.Restrict);
        form.HasIndex(f => new { f.StoreId, f.State });
        form.HasIndex(f => f.HolderId);
        form.Property(f => f.State).HasConversion<string>().HasMaxLength(20);
        foreach (var name in new[] { nameof(ContractForm.HolderName), nameof(ContractForm.DesignerName), nameof(ContractForm.PassedFromName), nameof(ContractForm.ReviewedByName) })
            form.Property(name).HasMaxLength(TextLimits.Name);
        form.Property(f => f.PassedPurpose).HasMaxLength(TextLimits.Reason);
        form.Property(f => f.ReviewReason).HasMaxLength(TextLimits.Reason);
        form.Property(f => f.EndReason).HasMaxLength(TextLimits.Reason);
        form.Property(f => f.Amount).HasPrecision(14, 2);
        form.Property(f => f.AreaM2).HasPrecision(10, 2);
    }
}
