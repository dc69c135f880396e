using Microsoft.Playwright;

namespace Crm.SystemTests.Console;

/// <summary>Every page of the console for each role, and the store's work on the pages beyond the first day's flow.</summary>
[Collection(SystemCollection.Name)]
public sealed class ConsolePagesTests(SystemFixture system) : IAsyncLifetime
{
    private const string Password = "Store#2026";
    private ConsoleBrowser _browser = null!;

    public async Task InitializeAsync() => _browser = await ConsoleBrowser.LaunchAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private Uri Console => system.App.GetEndpoint("gateway", "http");

    [Theory]
    [InlineData("sh01.cm", Password, "/forms /problems /registers /stale /designers /settings /customers")]
    [InlineData("sh01.manager", Password, "/approvals /authorisations /figures /designers /settings /admin/staff /admin/audit /forms")]
    [InlineData("sh01.designer1", Password, "/my-customers /problems")]
    [InlineData("sh01.finance", Password, "/finance /figures")]
    [InlineData("admin", "Admin#2026", "/figures /admin/stores /admin/staff /admin/partners /admin/imports /admin/audit")]
    public async Task Every_page_of_the_role_shows_its_data_without_a_refusal(string username, string password, string paths)
    {
        var page = await _browser.OpenAsync(Console);
        await ConsoleBrowser.SignInAsync(page, username, password);

        foreach (var path in paths.Split(' '))
        {
            await page.GotoAsync(path);
            await page.Locator("[data-ready]").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

            await ConsoleBrowser.ScreenshotAsync(page, $"{username.Replace('.', '-')}{path.Replace('/', '-')}");
            Assert.Equal("", string.Join(" | ", await page.Locator("[data-problem]").AllTextContentsAsync()));
            Assert.Equal(1, await page.Locator("h1.page-title").CountAsync());
        }
    }

    [Fact]
    public async Task A_customer_manager_receives_issues_retrieves_and_passes_a_form_to_the_store_manager_at_the_desk()
    {
        var cm = await system.SignInAsync("sh02.cm", Password);
        var customer = await RegisteredAsync(cm, "钱多多");
        var designer = await DispatchedToAsync(cm, customer.Id);
        await Eventually.Holds(async () => (await cm.GetFromJsonAsync<JsonElement>($"/api/customers?designerId={designer.Id}&pageSize=200")).GetProperty("items")
            .EnumerateArray().Any(c => c.GetProperty("id").GetGuid() == customer.Id), TimeSpan.FromSeconds(30), "the customer listed as the designer's");
        var first = Random.Shared.Next(100_000, 999_000);
        var serial = $"DESK-{first}";
        var page = await _browser.OpenAsync(Console);
        await ConsoleBrowser.SignInAsync(page, "sh02.cm", Password);

        await page.ClickAsync("text=合同单管理");
        await page.ClickAsync("text=入库");
        await page.FillAsync("#fromSerial", serial);
        await page.FillAsync("#toSerial", $"DESK-{first + 2}");
        await page.ClickAsync("[data-submit=receive]");
        Assert.Equal($"已入库 3 份（{serial} 至 DESK-{first + 2}）。", (await page.Locator("[data-received]").InnerTextAsync()).Trim());

        await page.ClickAsync(".mud-tab:has-text('合同单')");
        await page.ClickAsync($"[data-form='{serial}']");
        await page.ClickAsync("[data-action=issue]");
        await ChooseAsync(page, "[data-field=designer]", designer.Name);
        await ConsoleBrowser.OrScreenshotAsync(page, "desk-customer", () => ChooseAsync(page, "[data-field=customer]", customer.No));
        await ConsoleBrowser.ScreenshotAsync(page, "desk-issuing");
        await page.ClickAsync("[data-submit=form-action]");
        await ConsoleBrowser.OrScreenshotAsync(page, "desk-issue", () => page.Locator("[data-form-done]").WaitForAsync());
        await ConsoleBrowser.ScreenshotAsync(page, "desk-issued");

        await Ok(await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/sign", new { customerId = customer.Id, amount = 158000m, areaM2 = 76m }));
        await page.ReloadAsync();
        await page.ClickAsync($"[data-form='{serial}']");
        await page.ClickAsync("[data-action=retrieve]");
        await page.ClickAsync("[data-submit=form-action]");
        await ConsoleBrowser.OrScreenshotAsync(page, "desk-retrieve", () => page.Locator("[data-panel=form-actions] [data-action=transfer]").WaitForAsync());
        await page.ClickAsync("[data-action=transfer]");
        await ChooseAsync(page, "[data-field=recipient]", "店长");
        await page.FillAsync("#purpose", "审批");
        await page.FillAsync("#expectedReturn", DateTime.Today.AddDays(1).ToString("yyyy-MM-dd"));
        await page.Keyboard.PressAsync("Tab");
        await page.ClickAsync("[data-submit=form-action]");
        await ConsoleBrowser.OrScreenshotAsync(page, "desk-pass-on", () => page.Locator("[data-form-done]:has-text('传递')").WaitForAsync());
        await page.Locator("[data-panel=custody] tbody tr").Nth(4).WaitForAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "desk-passed-on");

        var form = await cm.GetFromJsonAsync<JsonElement>($"/api/contracts/forms/{serial}");
        var custody = await cm.GetFromJsonAsync<JsonElement>($"/api/contracts/forms/{serial}/custody");
        Assert.Equal(("Retrieved", "审批", designer.Id), (form.GetProperty("state").GetString(), form.GetProperty("passedOn").GetProperty("purpose").GetString(), form.GetProperty("designerId").GetGuid()));
        Assert.Equal(await StaffIdAsync("sh02.manager"), form.GetProperty("holderId").GetGuid());
        Assert.Equal(["Received", "Issued", "Signed", "Retrieved", "PassedOn"], custody.GetProperty("moves").EnumerateArray().Select(m => m.GetProperty("action").GetString()));
        Assert.Equal(5, await page.Locator("[data-panel=custody] tbody tr").CountAsync());
    }

    [Fact]
    public async Task A_problem_raised_on_the_customer_page_is_answered_by_the_designer()
    {
        var cm = await system.SignInAsync("sh01.cm", Password);
        var customer = await RegisteredAsync(cm, "孙问");
        var designer = await DispatchedToAsync(cm, customer.Id);
        var page = await _browser.OpenAsync(Console);
        await ConsoleBrowser.SignInAsync(page, "sh01.cm", Password);

        await page.GotoAsync($"/customers/{customer.Id}");
        await page.FillAsync("#problemWhat", "客户希望把书房改成儿童房，请出修改方案");
        await page.ClickAsync("[data-submit=problem]");
        await page.Locator("[data-panel=problems] [data-problem-item]").WaitForAsync();

        var designerPage = await _browser.OpenAsync(Console);
        await ConsoleBrowser.SignInAsync(designerPage, await UsernameOfDesignerAsync(designer.Id), Password);
        await designerPage.ClickAsync("text=客户问题");
        var item = designerPage.Locator("[data-problem-item]", new PageLocatorOptions { HasText = "书房改成儿童房" });
        await item.Locator("input").FillAsync("周五前出两版儿童房方案");
        await ConsoleBrowser.ScreenshotAsync(designerPage, "designer-problems");
        await item.Locator("[data-action=resolve]").ClickAsync();
        await item.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        var problems = (await cm.GetFromJsonAsync<JsonElement>($"/api/followups/problems?customerId={customer.Id}&status=all")).GetProperty("items");
        Assert.Equal(1, problems.GetArrayLength());
        Assert.Equal(("客户希望把书房改成儿童房，请出修改方案", "周五前出两版儿童房方案", designer.Id),
            (problems[0].GetProperty("what").GetString(), problems[0].GetProperty("resolution").GetString(), problems[0].GetProperty("designerId").GetGuid()));
    }

    [Fact]
    public async Task The_walk_in_register_of_the_day_downloads_as_an_excel_file()
    {
        var cm = await system.SignInAsync("sh01.cm", Password);
        await RegisteredAsync(cm, "冯登记");
        var page = await _browser.OpenAsync(Console);
        await ConsoleBrowser.SignInAsync(page, "sh01.cm", Password);
        await page.ClickAsync("text=登记表");
        await page.Locator("[data-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Assert.Contains("冯登记", await page.Locator("table").InnerTextAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-download=register]"));
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());

        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }

    [Fact]
    public async Task A_new_employee_completes_walk_in_dispatch_and_first_follow_up_in_english()
    {
        var page = await _browser.OpenAsync(Console);
        await ConsoleBrowser.SignInAsync(page, "sh02.cm", Password);
        await page.ClickAsync("header [data-language-switch]");
        await page.Locator("text=Register a new customer").WaitForAsync();

        await page.ClickAsync("text=Register a new customer");
        await page.FillAsync("#name", "Lin Hua");
        await page.FillAsync("#phone", $"135{Random.Shared.Next(0, 99_999_999):D8}");
        await page.ClickAsync("[data-action=register]");
        await ConsoleBrowser.OrScreenshotAsync(page, "register-english-submitted", () => page.Locator("[data-registered]").WaitForAsync());
        await page.Locator("[data-dispatch-reason]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.StartsWith("Dispatched to ", (await page.Locator("[data-assigned] [data-designer]").InnerTextAsync()).Trim());
        Assert.Contains("Automatic", await page.Locator("[data-dispatch-reason]").InnerTextAsync());

        Assert.Equal("First follow-up", await page.InputValueAsync("#purpose"));
        await page.FillAsync("#content", "Called; coming to the store on Saturday.");
        await page.FillAsync("#summary", "Interested");
        await page.ClickAsync("[data-action=record-followup]");
        await page.Locator("[data-followup-saved]").WaitForAsync();
        Assert.Equal(1, await page.Locator("[data-followup]").CountAsync());
        await ConsoleBrowser.ScreenshotAsync(page, "customer-english");
    }

    [Fact]
    public async Task A_store_manager_suspends_a_designer_with_a_reason_and_reinstates_them_on_the_roster()
    {
        var manager = await system.SignInAsync("sh02.manager", Password);
        var designer = (await manager.GetFromJsonAsync<JsonElement>("/api/dispatch/designers?pageSize=200")).GetProperty("items").EnumerateArray()
            .First(d => d.GetProperty("status").GetString() == "Active");
        var (id, name) = (designer.GetProperty("id").GetGuid(), designer.GetProperty("name").GetString()!);
        var until = DateTime.Today.AddDays(7).ToString("yyyy-MM-dd");
        var page = await _browser.OpenAsync(Console);
        await ConsoleBrowser.SignInAsync(page, "sh02.manager", Password);

        await page.ClickAsync("a[href='/designers']");
        await page.ClickAsync($"[data-designer='{name}']");
        await page.FillAsync("#designerReason", "家中有事请假一周");
        await page.FillAsync("#suspendUntil", until);
        await page.Keyboard.PressAsync("Tab");
        await page.ClickAsync("[data-action=suspend]");
        await page.Locator("[data-action=reinstate]").WaitForAsync();
        var suspended = await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{id}");
        await ConsoleBrowser.ScreenshotAsync(page, "roster-suspended");

        await page.FillAsync("#designerReason", "提前返岗");
        await page.ClickAsync("[data-action=reinstate]");
        await page.Locator("[data-action=suspend]").WaitForAsync();
        var reinstated = await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{id}");
        var reasons = (await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{id}/history")).EnumerateArray()
            .Select(h => h.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null).ToList();

        Assert.Equal(("Suspended", until), (suspended.GetProperty("status").GetString(), suspended.GetProperty("suspendedUntil").GetString()));
        Assert.Equal("Active", reinstated.GetProperty("status").GetString());
        Assert.Contains("家中有事请假一周", reasons);
        Assert.Contains("提前返岗", reasons);
    }

    [Fact]
    public async Task A_store_manager_changes_a_dispatch_setting_and_its_history_records_who()
    {
        var manager = await system.SignInAsync("sh02.manager", Password);
        var page = await _browser.OpenAsync(Console);
        await ConsoleBrowser.SignInAsync(page, "sh02.manager", Password);
        await page.ClickAsync("a[href='/settings']");
        await page.Locator("[data-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        var window = int.Parse(await page.InputValueAsync("#removalWindowDays")) + 1;

        await page.FillAsync("#removalWindowDays", window.ToString());
        await page.Keyboard.PressAsync("Tab");
        await page.ClickAsync("[data-submit=settings]");
        await page.Locator("[data-settings-saved]").WaitForAsync();

        var store = (await manager.GetFromJsonAsync<JsonElement>("/api/stores")).GetProperty("items").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "SH02").GetProperty("id").GetGuid();
        var settings = await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/settings/{store}");
        var latest = (await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/settings/{store}/history")).EnumerateArray().MaxBy(c => c.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(window, settings.GetProperty("removalWindowDays").GetInt32());
        Assert.Contains("removalWindowDays", latest.GetProperty("changes").GetString());
        Assert.Equal(settings.GetProperty("updatedBy").GetString(), latest.GetProperty("by").GetString());
        Assert.Contains(latest.GetProperty("changes").GetString()!, await page.Locator("[data-panel=settings-history]").InnerTextAsync());
    }

    [Fact]
    public async Task On_a_front_desk_tablet_held_upright_the_keyboard_signs_in_and_no_page_scrolls_sideways()
    {
        var page = await _browser.OpenAsync(Console, width: 768, height: 1024);
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/signin**");

        await page.FocusAsync("#username");
        await page.Keyboard.TypeAsync("sh01.cm");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Password);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-signed-in]").WaitForAsync();

        foreach (var path in new[] { "/", "/customers/new", "/morning-meeting", "/forms", "/registers" })
        {
            await page.GotoAsync(path);
            await page.Locator("h1.page-title").WaitForAsync();
            if (path is "/forms" or "/registers") await page.Locator("[data-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            await ConsoleBrowser.ScreenshotAsync(page, $"tablet{(path == "/" ? "-home" : path.Replace('/', '-'))}");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 768 px");
        }
    }

    private sealed record Registered(Guid Id, string No);

    private sealed record DesignerOf(Guid Id, string Name);

    private static async Task<Registered> RegisteredAsync(HttpClient cm, string name)
    {
        var response = await cm.PostAsJsonAsync("/api/customers", new { source = "WalkIn", name, phone = $"158{Random.Shared.Next(0, 99_999_999):D8}" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new(body.GetProperty("id").GetGuid(), body.GetProperty("customerNo").GetString()!);
    }

    private static async Task<DesignerOf> DispatchedToAsync(HttpClient cm, Guid customer)
    {
        var assignment = await Eventually.Returns(async () =>
            (await cm.GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments?customerId={customer}")).GetProperty("items").EnumerateArray()
                .Select(a => (object)new DesignerOf(a.GetProperty("designerId").GetGuid(), a.GetProperty("designerName").GetString()!)).FirstOrDefault(),
            TimeSpan.FromSeconds(60), "the automatic dispatch");
        return (DesignerOf)assignment;
    }

    private async Task<List<JsonElement>> StaffAsync() =>
        (await system.Gateway.GetFromJsonAsync<JsonElement>("/api/staff?pageSize=200")).GetProperty("items").EnumerateArray().ToList();

    private async Task<Guid> StaffIdAsync(string username) =>
        (await StaffAsync()).Single(a => a.GetProperty("username").GetString() == username).GetProperty("id").GetGuid();

    private async Task<string> UsernameOfDesignerAsync(Guid designerId) =>
        (await StaffAsync()).Single(a => a.TryGetProperty("designerId", out var d) && d.ValueKind == JsonValueKind.String && d.GetGuid() == designerId).GetProperty("username").GetString()!;

    /// <summary>Opens a select and picks the option that contains the text.</summary>
    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.ClickAsync(select);
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{option}')");
    }

    private static async Task Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
}
