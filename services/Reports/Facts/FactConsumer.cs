namespace Crm.Reports.Facts;

/// <summary>A consumer that applies its event once (the inbox) as a fact of the read model.</summary>
public abstract class FactConsumer<TMessage>(ReportDbContext db, TimeProvider clock) : ApplyingConsumer<TMessage, ReportDbContext>(db, clock)
    where TMessage : class;
