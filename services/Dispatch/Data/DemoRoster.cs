namespace Crm.Dispatch.Data;

public sealed class DemoRosterOptions
{
    /// <summary>When on, every store that opens gets six demo designers (development only).</summary>
    public bool Demo { get; set; }
}

/// <summary>Six designers of mixed levels for a demo store, as api.md's development seed promises.</summary>
internal static class DemoRoster
{
    private static readonly (string Name, DesignerLevel Level, bool ChargesFee, string[] Styles)[] Designers =
    [
        ("王磊", DesignerLevel.Chief, true, ["Modern", "Luxury"]),
        ("李娜", DesignerLevel.Senior, true, ["Nordic", "Japanese"]),
        ("张伟", DesignerLevel.Senior, false, ["Chinese", "Modern"]),
        ("刘洋", DesignerLevel.Designer, false, ["Nordic", "Industrial"]),
        ("陈静", DesignerLevel.Designer, false, ["Modern", "Minimal"]),
        ("杨帆", DesignerLevel.Assistant, false, ["Minimal"]),
    ];

    public static IEnumerable<Designer> For(StoreCopy store) =>
        Designers.Select(d => Designer.Join(store.Id, $"{d.Name}（{store.Code}）", d.Level, d.ChargesFee, d.Styles));
}
