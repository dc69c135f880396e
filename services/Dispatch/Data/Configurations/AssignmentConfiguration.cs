using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Dispatch.Data.Configurations;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    /// <summary>The trace is kept whole, as the store manager reads it: one jsonb document per assignment.</summary>
    private static readonly JsonSerializerOptions TraceJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<Assignment> assignment)
    {
        assignment.HasKey(a => a.Id);
        assignment.HasOne<DispatchStore>().WithMany().HasForeignKey(a => a.StoreId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne<Designer>().WithMany().HasForeignKey(a => a.DesignerId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasIndex(a => new { a.StoreId, a.CreatedAt });
        assignment.HasIndex(a => new { a.StoreId, a.CreatedOn });
        assignment.HasIndex(a => a.CustomerId);
        // Refusals of a designer within the removal window.
        assignment.HasIndex(a => new { a.DesignerId, a.Status, a.DecidedAt });
        assignment.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        assignment.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        assignment.Property(a => a.DecidingRule).HasConversion<string>().HasMaxLength(30);
        assignment.Property(a => a.DesignerName).HasMaxLength(100);
        assignment.Property(a => a.RequestedBy).HasMaxLength(100);
        assignment.Property(a => a.DecidedBy).HasMaxLength(100);
        assignment.Property(a => a.EndReason).HasMaxLength(TextLimits.Reason);
        assignment.Property(a => a.Trace).HasColumnType("jsonb").HasConversion(
            trace => JsonSerializer.Serialize(trace, TraceJson),
            json => JsonSerializer.Deserialize<DispatchTrace>(json, TraceJson)!);
    }
}
