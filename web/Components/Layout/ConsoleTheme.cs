using MudBlazor;

namespace Crm.Web.Components.Layout;

public static class ConsoleTheme
{
    /// <summary>The system's own fonts (no font is fetched from elsewhere), with Chinese faces first.</summary>
    public static readonly MudTheme Theme = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "system-ui", "sans-serif"],
            },
        },
    };
}
