namespace Crm.Dispatch.Tests.Domain;

/// <summary>Designers, customers and settings for the rule tests, on a fixed day.</summary>
internal static class Rules
{
    public static readonly Guid Store = Guid.Parse("0190f0c8-0000-7000-8000-00000000000a");
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static Designer Designer(string name, DesignerLevel level = DesignerLevel.Designer, bool fee = false, string[]? styles = null, long? lastDispatch = null, string? notes = null)
    {
        var designer = Crm.Dispatch.Domain.Designer.Join(Store, name, level, fee, styles ?? [], notes);
        if (lastDispatch is { } sequence) designer.RecordDispatch(Now.AddMinutes(sequence - 1000), sequence);
        return designer;
    }

    public static Candidate Ready(this Designer designer, int holdings = 0, int stalled = 0, bool onDuty = true) => new(designer, onDuty, holdings, stalled);

    public static DispatchCustomer Customer(decimal? budget = null, decimal? area = null, string[]? styles = null, Guid? requested = null, string? special = null) =>
        new(Store, budget, area, styles ?? [], requested, special);

    public static DispatchDecision Decide(DispatchCustomer customer, params Candidate[] candidates) =>
        Dispatcher.Decide(candidates, customer, DispatchSettings.Defaults(Store), new Dispatcher.Request(DispatchKind.Automatic, "test", Now, Today));

    public static DispatchTrace ManualTrace(Designer designer) =>
        new(DispatchKind.Manual, "test", Now, false, designer.Id, DispatchRule.Manual, $"{designer.Name}: named in a test.", false, null, []);
}
