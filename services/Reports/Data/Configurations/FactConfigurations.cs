using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Reports.Data.Configurations;

internal sealed class CustomerFactConfiguration : IEntityTypeConfiguration<CustomerFact>
{
    public void Configure(EntityTypeBuilder<CustomerFact> customer)
    {
        customer.ToTable("Customers");
        customer.HasKey(c => c.Id);
        customer.Property(c => c.Id).ValueGeneratedNever();
        customer.HasIndex(c => new { c.StoreId, c.RegisteredOn });
        customer.HasIndex(c => c.LeadId).HasFilter("\"LeadId\" IS NOT NULL");
        customer.Property(c => c.CustomerNo).HasMaxLength(30);
        customer.Property(c => c.ConsultantName).HasMaxLength(TextLimits.Name);
        customer.Property(c => c.Source).HasConversion<string>().HasMaxLength(30);
        customer.Property(c => c.RegisteredStage).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class DispatchFactConfiguration : IEntityTypeConfiguration<DispatchFact>
{
    public void Configure(EntityTypeBuilder<DispatchFact> dispatch)
    {
        dispatch.ToTable("Dispatches");
        dispatch.HasKey(d => d.AssignmentId);
        dispatch.Property(d => d.AssignmentId).ValueGeneratedNever();
        dispatch.HasIndex(d => d.CustomerId);
        dispatch.Property(d => d.DesignerName).HasMaxLength(TextLimits.Name);
    }
}

internal sealed class MilestoneFactConfiguration : IEntityTypeConfiguration<MilestoneFact>
{
    public void Configure(EntityTypeBuilder<MilestoneFact> milestone)
    {
        milestone.ToTable("Milestones");
        milestone.HasKey(m => m.Id);
        milestone.Property(m => m.Id).ValueGeneratedNever();
        // A store's milestones of a kind in a period; a customer's milestones up to a day.
        milestone.HasIndex(m => new { m.StoreId, m.Type, m.Day });
        milestone.HasIndex(m => new { m.StoreId, m.Day });
        milestone.HasIndex(m => new { m.CustomerId, m.Day });
        milestone.Property(m => m.Type).HasConversion<string>().HasMaxLength(30);
        milestone.Property(m => m.DepositKind).HasConversion<string>().HasMaxLength(30);
        milestone.Property(m => m.Stage).HasConversion<string>().HasMaxLength(30);
        milestone.Property(m => m.Amount).HasPrecision(14, 2);
        milestone.Property(m => m.AreaM2).HasPrecision(10, 2);
    }
}

internal sealed class CompletenessFactConfiguration : IEntityTypeConfiguration<CompletenessFact>
{
    public void Configure(EntityTypeBuilder<CompletenessFact> fact)
    {
        fact.ToTable("Completeness");
        fact.HasKey(f => f.Id);
        fact.HasIndex(f => new { f.CustomerId, f.At });
        fact.HasIndex(f => new { f.StoreId, f.At });
        fact.Property(f => f.Rate).HasPrecision(5, 4);
    }
}

internal sealed class FollowUpFactConfiguration : IEntityTypeConfiguration<FollowUpFact>
{
    public void Configure(EntityTypeBuilder<FollowUpFact> fact)
    {
        fact.ToTable("FollowUps");
        fact.HasKey(f => f.Id);
        fact.Property(f => f.Id).ValueGeneratedNever();
        fact.HasIndex(f => new { f.CustomerId, f.At });
    }
}

internal sealed class DesignerFactConfiguration : IEntityTypeConfiguration<DesignerFact>
{
    public void Configure(EntityTypeBuilder<DesignerFact> designer)
    {
        designer.ToTable("Designers");
        designer.HasKey(d => d.Id);
        designer.Property(d => d.Id).ValueGeneratedNever();
        designer.HasIndex(d => d.StoreId);
        designer.Property(d => d.Name).HasMaxLength(TextLimits.Name);
    }
}

internal sealed class DutyFactConfiguration : IEntityTypeConfiguration<DutyFact>
{
    public void Configure(EntityTypeBuilder<DutyFact> duty)
    {
        duty.ToTable("Duties");
        duty.HasKey(d => new { d.DesignerId, d.Day });
        duty.HasIndex(d => new { d.StoreId, d.Day });
    }
}

internal sealed class ProblemFactConfiguration : IEntityTypeConfiguration<ProblemFact>
{
    public void Configure(EntityTypeBuilder<ProblemFact> problem)
    {
        problem.ToTable("Problems");
        problem.HasKey(p => p.Id);
        problem.Property(p => p.Id).ValueGeneratedNever();
        problem.HasIndex(p => new { p.StoreId, p.RaisedAt });
        problem.Property(p => p.DesignerName).HasMaxLength(TextLimits.Name);
        problem.Property(p => p.What).HasMaxLength(TextLimits.Text);
        problem.Property(p => p.RaisedBy).HasMaxLength(TextLimits.Name);
    }
}

internal sealed class TaskFactConfiguration : IEntityTypeConfiguration<TaskFact>
{
    public void Configure(EntityTypeBuilder<TaskFact> task)
    {
        task.ToTable("Tasks");
        task.HasKey(t => t.Id);
        task.Property(t => t.Id).ValueGeneratedNever();
        // A store's tasks still open at a moment: the ones not ended, or ended after it.
        task.HasIndex(t => new { t.StoreId, t.EndedAt });
        task.Property(t => t.Kind).HasMaxLength(30);
    }
}

internal sealed class TaskAssigneeFactConfiguration : IEntityTypeConfiguration<TaskAssigneeFact>
{
    public void Configure(EntityTypeBuilder<TaskAssigneeFact> assignee)
    {
        assignee.ToTable("TaskAssignees");
        assignee.HasKey(a => new { a.TaskId, a.At });
        assignee.Property(a => a.AssigneeName).HasMaxLength(TextLimits.Name);
    }
}

internal sealed class FormVersionFactConfiguration : IEntityTypeConfiguration<FormVersionFact>
{
    public void Configure(EntityTypeBuilder<FormVersionFact> form)
    {
        form.ToTable("FormVersions");
        form.HasKey(f => new { f.Serial, f.At });
        form.HasIndex(f => new { f.StoreId, f.Serial, f.At });
        form.Property(f => f.Serial).HasMaxLength(30);
        form.Property(f => f.Action).HasMaxLength(30);
        form.Property(f => f.State).HasMaxLength(30);
        form.Property(f => f.HolderName).HasMaxLength(TextLimits.Name);
        form.Property(f => f.DesignerName).HasMaxLength(TextLimits.Name);
        form.Property(f => f.Reason).HasMaxLength(TextLimits.Text);
    }
}

internal sealed class StageMoveConfiguration : IEntityTypeConfiguration<StageMove>
{
    public void Configure(EntityTypeBuilder<StageMove> move)
    {
        move.ToTable("StageMoves");
        move.HasKey(m => new { m.StoreId, m.Day, m.Stage });
        move.Property(m => m.Stage).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class CompletenessMoveConfiguration : IEntityTypeConfiguration<CompletenessMove>
{
    public void Configure(EntityTypeBuilder<CompletenessMove> move)
    {
        move.ToTable("CompletenessMoves");
        move.HasKey(m => new { m.StoreId, m.Day });
        move.Property(m => m.Sum).HasPrecision(14, 4);
    }
}

internal sealed class StageMonthConfiguration : IEntityTypeConfiguration<StageMonth>
{
    public void Configure(EntityTypeBuilder<StageMonth> month)
    {
        month.ToTable("StageMonths");
        month.HasKey(m => new { m.StoreId, m.Month, m.Stage });
        month.Property(m => m.Stage).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class CompletenessMonthConfiguration : IEntityTypeConfiguration<CompletenessMonth>
{
    public void Configure(EntityTypeBuilder<CompletenessMonth> month)
    {
        month.ToTable("CompletenessMonths");
        month.HasKey(m => new { m.StoreId, m.Month });
        month.Property(m => m.Sum).HasPrecision(14, 4);
    }
}
