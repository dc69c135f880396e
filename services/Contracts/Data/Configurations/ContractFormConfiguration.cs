using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Contracts.Data.Configurations;

internal sealed class ContractFormConfiguration : IEntityTypeConfiguration<ContractForm>
{
    public void Configure(EntityTypeBuilder<ContractForm> form)
    {
        form.HasKey(f => f.Serial);
        form.Property(f => f.Serial).HasMaxLength(30);
        form.HasOne<StoreCopy>().WithMany().HasForeignKey(f => f.StoreId).OnDelete(DeleteBehavior.Restrict);
        form.HasIndex(f => new { f.StoreId, f.State });
        form.Property(f => f.State).HasConversion<string>().HasMaxLength(20);
    }
}
