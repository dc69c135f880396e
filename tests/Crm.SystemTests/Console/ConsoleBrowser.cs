using Microsoft.Playwright;

namespace Crm.SystemTests.Console;

/// <summary>
/// Headless Chromium (Debian's package, /usr/bin/chromium, or CRM_CHROMIUM) driven by Playwright against the store
/// console, reached through the gateway as a browser at the front desk reaches it. Screenshots go to the folder
/// CRM_SCREENSHOTS names, or "screenshots" beside the test assembly.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public static readonly string ScreenshotFolder =
        Environment.GetEnvironmentVariable("CRM_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>What each page's browser console said in error (a circuit's failure shows there), written beside its screenshots.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Errors = [];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<ConsoleBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CRM_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
        });
        return new ConsoleBrowser(playwright, browser);
    }

    /// <summary>A fresh browser profile (no cookies) on the console, at a front desk tablet's size.</summary>
    public async Task<IPage> OpenAsync(Uri console, int width = 1280, int height = 800)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = console.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var errors = Errors.GetOrCreateValue(page);
        page.Console += (_, message) => { if (message.Type == "error") lock (errors) errors.Add(message.Text); };
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };
        return page;
    }

    public static async Task SignInAsync(IPage page, string username, string password)
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/signin**");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator("[data-signed-in]").WaitForAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
        if (Errors.TryGetValue(page, out var errors) && errors.Count > 0)
            lock (errors) File.WriteAllLines(Path.Combine(ScreenshotFolder, name + ".errors.txt"), errors);
    }

    /// <summary>
    /// A step that, when it fails, leaves a screenshot of where it failed and fails with what the page showed:
    /// its refusals, the fields it marked, and the browser's errors (a lost circuit shows there).
    /// </summary>
    public static async Task OrScreenshotAsync(IPage page, string name, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex)
        {
            await ScreenshotAsync(page, "failed-" + name);
            var shown = await page.Locator("[data-problem], .mud-input-helper-text.mud-input-error").AllInnerTextsAsync();
            var errors = new List<string>();
            if (Errors.TryGetValue(page, out var logged)) lock (logged) errors.AddRange(logged);
            throw new Xunit.Sdk.XunitException(
                $"{name}: {ex.Message}{Environment.NewLine}The page showed: {(shown.Count == 0 ? "no refusal" : string.Join(" | ", shown))}" +
                $"{Environment.NewLine}Browser errors: {(errors.Count == 0 ? "none" : string.Join(" | ", errors))}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
