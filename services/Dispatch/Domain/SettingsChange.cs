namespace Crm.Dispatch.Domain;

/// <summary>One change of a store's dispatch settings: each value before and after, who and when.</summary>
public sealed class SettingsChange
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string Changes { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    /// <summary>The change between two sets of values, or null when nothing differs.</summary>
    public static SettingsChange? Between(Guid storeId, DispatchSettingsValues before, DispatchSettingsValues after, string by, DateTimeOffset at)
    {
        var changes = typeof(DispatchSettingsValues).GetProperties()
            .Select(p => (Name: char.ToLowerInvariant(p.Name[0]) + p.Name[1..], Before: p.GetValue(before), After: p.GetValue(after)))
            .Where(c => !Equals(c.Before, c.After))
            .Select(c => $"{c.Name}: {Text(c.Before)} → {Text(c.After)}")
            .ToList();
        return changes.Count == 0 ? null : new SettingsChange { Id = Guid.CreateVersion7(), StoreId = storeId, Changes = string.Join("; ", changes), By = by, At = at };
    }

    private static string Text(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "—",
    };
}
