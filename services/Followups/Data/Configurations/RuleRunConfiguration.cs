using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Followups.Data.Configurations;

internal sealed class RuleRunConfiguration : IEntityTypeConfiguration<RuleRun>
{
    public void Configure(EntityTypeBuilder<RuleRun> run)
    {
        run.ToTable("RuleRuns");
        run.HasKey(r => new { r.StoreId, r.Day });
    }
}
