namespace Crm.Dispatch.Data;

public sealed class DemoRosterOptions
{
    /// <summary>When on, every store that opens gets six demo designers (development only).</summary>
    public bool Demo { get; set; }
}

/// <summary>Six designers of mixed levels for a demo store, as api.md's development seed promises.</summary>
internal static class DemoRoster
{
    private static readonly (string Name, DesignerLevel Level, bool ChargesFee, string[] Styles, string Notes)[] Designers =
    [
        ("王磊", DesignerLevel.Chief, true, ["Modern", "Luxury"], "别墅、大平层；沟通直接"),
        ("李娜", DesignerLevel.Senior, true, ["Nordic", "Japanese"], "小户型收纳；耐心细致"),
        ("张伟", DesignerLevel.Senior, false, ["Chinese", "Modern"], "新中式、老房翻新"),
        ("刘洋", DesignerLevel.Designer, false, ["Nordic", "Industrial"], "loft、工作室"),
        ("陈静", DesignerLevel.Designer, false, ["Modern", "Minimal"], "儿童房、适老化"),
        ("杨帆", DesignerLevel.Assistant, false, ["Minimal"], "出图快"),
    ];

    public static IEnumerable<Designer> For(StoreCopy store) =>
        Designers.Select(d => Designer.Join(store.Id, $"{d.Name}（{store.Code}）", d.Level, d.ChargesFee, d.Styles, d.Notes));
}
