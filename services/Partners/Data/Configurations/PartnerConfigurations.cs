using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Partners.Data.Configurations;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> partner)
    {
        partner.HasKey(p => p.Id);
        partner.Property(p => p.Id).ValueGeneratedNever();
        partner.HasIndex(p => p.Name).IsUnique();
        partner.Property(p => p.Name).HasMaxLength(TextLimits.Name);
        partner.Property(p => p.WebhookUrl).HasMaxLength(PartnerRequests.MaxUrlLength);
        partner.Property(p => p.WebhookSecret).HasMaxLength(100);
        partner.Property(p => p.CreatedBy).HasMaxLength(100);
        partner.Property(p => p.DisabledBy).HasMaxLength(100);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).ValueGeneratedNever();
        key.HasOne<Partner>().WithMany().HasForeignKey(k => k.PartnerId).OnDelete(DeleteBehavior.Restrict);
        // The gateway finds a key by its hash on every partner request (its answers cached briefly).
        key.HasIndex(k => k.Hash).IsUnique();
        key.Property(k => k.Hash).HasMaxLength(64);
        key.Property(k => k.Hint).HasMaxLength(ApiKey.ShownLength);
        key.Property(k => k.Label).HasMaxLength(TextLimits.Name);
        key.Property(k => k.CreatedBy).HasMaxLength(100);
        key.Property(k => k.RevokedBy).HasMaxLength(100);
    }
}

internal sealed class PartnerStoreConfiguration : IEntityTypeConfiguration<PartnerStore>
{
    public void Configure(EntityTypeBuilder<PartnerStore> store)
    {
        StoreCopy.Configure(store);
        store.Property(s => s.City).HasMaxLength(TextLimits.Name);
    }
}
