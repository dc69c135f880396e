using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Customers.Data.Configurations;

internal sealed class PhoneClaimConfiguration : IEntityTypeConfiguration<PhoneClaim>
{
    public void Configure(EntityTypeBuilder<PhoneClaim> claim)
    {
        // A table of the whole chain, used in the home database only.
        claim.ToTable("PhoneClaims");
        claim.HasKey(c => c.Phone);
        claim.Property(c => c.Phone).HasMaxLength(20);
        claim.HasIndex(c => c.CustomerId);
    }
}
