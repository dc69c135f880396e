using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Crm.SystemTests.Console;

/// <summary>The store console in a real browser, through the gateway, as a new employee would use it.</summary>
[Collection(SystemCollection.Name)]
public sealed partial class ConsoleTests(SystemFixture system) : IAsyncLifetime
{
    private ConsoleBrowser _browser = null!;

    public async Task InitializeAsync() => _browser = await ConsoleBrowser.LaunchAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private Uri Console => system.App.GetEndpoint("gateway", "http");

    [Fact]
    public async Task A_customer_manager_registers_a_walk_in_sees_it_dispatched_with_the_reason_and_records_the_first_follow_up()
    {
        var page = await _browser.OpenAsync(Console);
        await ConsoleBrowser.SignInAsync(page, "sh01.cm", "Store#2026");
        await ConsoleBrowser.ScreenshotAsync(page, "home");
        var phone = $"136{Random.Shared.Next(0, 99_999_999):D8}";

        await page.ClickAsync("text=登记新客户");
        await page.FillAsync("#name", "周敏");
        await page.FillAsync("#phone", phone);
        await page.FillAsync("#community", "徐汇苑");
        await page.FillAsync("#area", "96");
        await ConsoleBrowser.ScreenshotAsync(page, "register");
        await page.ClickAsync("[data-action=register]");

        await page.Locator("[data-registered]").WaitForAsync();
        var id = Guid.Parse(CustomerId().Match(page.Url).Groups[1].Value);
        var reason = page.Locator("[data-dispatch-reason]");
        await reason.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var assignment = (await (await system.SignInAsync("sh01.cm", "Store#2026"))
            .GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments?customerId={id}")).GetProperty("items")[0];
        Assert.Equal($"已派给 {assignment.GetProperty("designerName").GetString()}", (await page.Locator("[data-assigned] [data-designer]").InnerTextAsync()).Trim());
        Assert.Contains("自动派单", await reason.InnerTextAsync());
        Assert.Equal(6, await page.Locator("[data-panel=dispatch] [data-trace] tbody tr").CountAsync());
        await ConsoleBrowser.ScreenshotAsync(page, "customer-dispatched");

        await page.FillAsync("#content", "电话回访，客户下周六来店看方案。");
        await page.FillAsync("#summary", "有意向，约下周六到店");
        await page.ClickAsync("[data-action=record-followup]");
        await page.Locator("[data-followup-saved]").WaitForAsync();

        Assert.Equal(1, await page.Locator("[data-followup]").CountAsync());
        var records = (await (await system.SignInAsync("sh01.cm", "Store#2026"))
            .GetFromJsonAsync<JsonElement>($"/api/followups?customerId={id}")).GetProperty("items");
        Assert.Equal(1, records.GetArrayLength());
        Assert.Equal(("首次回访", "Phone", "电话回访，客户下周六来店看方案。", "有意向，约下周六到店"),
            (records[0].GetProperty("purpose").GetString(), records[0].GetProperty("form").GetString(),
             records[0].GetProperty("content").GetString(), records[0].GetProperty("summary").GetString()));
        await ConsoleBrowser.ScreenshotAsync(page, "customer-followed-up");
    }

    [Fact]
    public async Task Typing_the_phone_of_a_registered_customer_warns_before_registering()
    {
        var manager = await system.SignInAsync("sh01.cm", "Store#2026");
        var phone = $"137{Random.Shared.Next(0, 99_999_999):D8}";
        var registered = await manager.PostAsJsonAsync("/api/customers", new { source = "Phone", name = "吴刚", phone });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var customerNo = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerNo").GetString();
        var page = await _browser.OpenAsync(Console);
        await ConsoleBrowser.SignInAsync(page, "sh01.cm", "Store#2026");

        await page.GotoAsync("/customers/new");
        await page.FillAsync("#phone", phone);

        var warning = page.Locator("[data-duplicate-warning]");
        await warning.WaitForAsync();
        Assert.Contains($"该号码已是客户 {customerNo}（吴刚）的号码", await warning.InnerTextAsync());
    }

    [Fact]
    public async Task The_language_switch_changes_every_label_on_the_page()
    {
        var page = await _browser.OpenAsync(Console);
        await ConsoleBrowser.SignInAsync(page, "sh01.cm", "Store#2026");
        await page.GotoAsync("/customers/new");
        await page.Locator("[data-action=register]").WaitForAsync();
        Assert.Equal("登记", (await page.Locator("[data-action=register]").InnerTextAsync()).Trim());

        await page.ClickAsync("header [data-language-switch]");

        await page.Locator("[data-action=register]:has-text('Register')").WaitForAsync();
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        // Every label is English now; Chinese remains only in data (the signed-in user's name) and on the switch back to Chinese.
        var labels = await page.EvaluateAsync<string>(
            "() => { const b = document.body.cloneNode(true); b.querySelectorAll('[data-signed-in],[data-language-switch]').forEach(e => e.remove()); return b.innerText; }");
        Assert.DoesNotMatch(Chinese(), labels);
        Assert.Contains("Mobile number", labels);
        await ConsoleBrowser.ScreenshotAsync(page, "register-english");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_words_on_the_sign_in_page()
    {
        var page = await _browser.OpenAsync(Console);
        await page.GotoAsync("/signin");

        // No demo account is touched: wrong passwords would count towards its lockout.
        await page.FillAsync("#username", $"nobody.{Guid.NewGuid():N}"[..20]);
        await page.FillAsync("#password", "Wrong#2026");
        await page.ClickAsync("button[type=submit]");

        Assert.Equal("用户名或密码错误，或账号已被锁定或停用。", (await page.Locator("#signin-error").InnerTextAsync()).Trim());
        Assert.EndsWith("/signin", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task A_designer_refuses_an_assignment_in_the_console_and_is_suspended()
    {
        var manager = await system.SignInAsync("sh02.cm", "Store#2026");
        var registered = await manager.PostAsJsonAsync("/api/customers", new { source = "WalkIn", name = "郑洁", phone = $"139{Random.Shared.Next(0, 99_999_999):D8}" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var customer = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var assignment = await Eventually.Returns(async () =>
            (await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments?customerId={customer}")).GetProperty("items").EnumerateArray().Select(a => new[] { a }).FirstOrDefault(),
            TimeSpan.FromSeconds(60), "the automatic dispatch");
        var designerId = assignment[0].GetProperty("designerId").GetGuid();
        var account = (await system.Gateway.GetFromJsonAsync<JsonElement>("/api/staff?pageSize=200")).GetProperty("items").EnumerateArray()
            .Single(a => a.TryGetProperty("designerId", out var d) && d.ValueKind == JsonValueKind.String && d.GetGuid() == designerId).GetProperty("username").GetString()!;
        var page = await _browser.OpenAsync(Console);
        await ConsoleBrowser.SignInAsync(page, account, "Store#2026");

        await page.ClickAsync("text=我的客户");
        var offered = page.Locator($"[data-offered='{customer}']");
        await offered.WaitForAsync();
        await offered.Locator("input").FillAsync("本周在外地项目，无法接待");
        await ConsoleBrowser.ScreenshotAsync(page, "designer-offered");
        await offered.Locator("[data-action=refuse]").ClickAsync();

        await page.Locator("[data-assignment-done]").WaitForAsync();
        Assert.Equal(0, await offered.CountAsync());
        var storeManager = await system.SignInAsync("sh02.manager", "Store#2026");
        var designer = await storeManager.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{designerId}");
        Assert.Equal("Suspended", designer.GetProperty("status").GetString());
        var refused = await storeManager.GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments/{assignment[0].GetProperty("id").GetGuid()}");
        Assert.Equal(("Refused", "本周在外地项目，无法接待"), (refused.GetProperty("status").GetString(), refused.GetProperty("endReason").GetString()));
        await ConsoleBrowser.ScreenshotAsync(page, "designer-refused");
    }

    [Fact]
    public async Task The_morning_meeting_shows_the_days_figures_of_the_store()
    {
        var manager = await system.SignInAsync("sh01.cm", "Store#2026");
        var page = await _browser.OpenAsync(Console);
        await ConsoleBrowser.SignInAsync(page, "sh01.cm", "Store#2026");

        await page.ClickAsync("text=晨会");
        await page.Locator("[data-meeting-stages]").WaitForAsync();

        var store = (await manager.GetFromJsonAsync<JsonElement>("/api/stores")).GetProperty("items").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "SH01").GetProperty("id").GetGuid();
        var meeting = await manager.GetFromJsonAsync<JsonElement>($"/api/reports/morning-meeting?storeId={store}");
        var rows = await page.Locator("[data-meeting-stages] tbody tr").AllInnerTextsAsync();
        var expected = meeting.GetProperty("stages").EnumerateArray().Select(s => (s.GetProperty("stage").GetString(), s.GetProperty("yesterday").GetInt32(), s.GetProperty("now").GetInt32())).ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal(
            expected.Select(e => $"{e.Item2}\t{e.Item3}"),
            rows.Select(r => string.Join("\t", r.Split('\t').Skip(1).Select(c => c.Trim()))));
        Assert.StartsWith("新客户", rows[0]);
        await ConsoleBrowser.ScreenshotAsync(page, "morning-meeting");
    }

    [Fact]
    public async Task A_store_manager_approves_a_signed_contract_and_finance_acknowledges_it_in_the_console()
    {
        var cm = await system.SignInAsync("sh01.cm", "Store#2026");
        var staff = (await system.Gateway.GetFromJsonAsync<JsonElement>("/api/staff?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        Guid Account(string username) => staff.Single(a => a.GetProperty("username").GetString() == username).GetProperty("id").GetGuid();
        var registered = await cm.PostAsJsonAsync("/api/customers", new { source = "WalkIn", name = "何签", phone = $"150{Random.Shared.Next(0, 99_999_999):D8}" });
        var customer = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var designerId = await Eventually.Returns(async () =>
            (await cm.GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments?customerId={customer}")).GetProperty("items").EnumerateArray()
                .Select(a => (object)a.GetProperty("designerId").GetGuid()).FirstOrDefault(), TimeSpan.FromSeconds(60), "the automatic dispatch");
        var serial = $"WEB{Random.Shared.Next(10, 99)}-{Random.Shared.Next(100_000, 999_999)}";
        await Ok(await cm.PostAsJsonAsync("/api/contracts/forms/receive", new { fromSerial = serial, toSerial = serial }));
        await Ok(await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/issue", new { designerId, customerId = customer }));
        await Ok(await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/sign", new { customerId = customer, amount = 198000m, areaM2 = 88m }));
        await Ok(await cm.PostAsync($"/api/contracts/forms/{serial}/retrieve", null));
        await Ok(await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/transfer",
            new { toUserId = Account("sh01.manager"), purpose = "审批", expectedReturnAt = DateTimeOffset.UtcNow.AddDays(1) }));

        var managerPage = await _browser.OpenAsync(Console);
        await ConsoleBrowser.SignInAsync(managerPage, "sh01.manager", "Store#2026");
        await managerPage.ClickAsync("text=合同审批");
        var row = managerPage.Locator("tr", new PageLocatorOptions { Has = managerPage.Locator($"[data-serial='{serial}']") });
        Assert.Contains("¥198,000.00", await row.InnerTextAsync());
        await ConsoleBrowser.ScreenshotAsync(managerPage, "approvals");
        await row.Locator("[data-action=approve]").ClickAsync();
        await managerPage.Locator("[data-approval-done]").WaitForAsync();
        Assert.Equal("Approved", (await cm.GetFromJsonAsync<JsonElement>($"/api/contracts/forms/{serial}")).GetProperty("state").GetString());

        var manager = await system.SignInAsync("sh01.manager", "Store#2026");
        await Ok(await manager.PostAsync($"/api/contracts/forms/{serial}/return", null));
        await Ok(await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/report", new { financeUserId = Account("sh01.finance") }));
        var financePage = await _browser.OpenAsync(Console);
        await ConsoleBrowser.SignInAsync(financePage, "sh01.finance", "Store#2026");
        await financePage.ClickAsync("text=财务签收");
        var reported = financePage.Locator("tr", new PageLocatorOptions { Has = financePage.Locator($"[data-serial='{serial}']") });
        await reported.Locator("[data-action=acknowledge]").ClickAsync();
        await financePage.Locator("[data-acknowledged]").WaitForAsync();

        var form = await manager.GetFromJsonAsync<JsonElement>($"/api/contracts/forms/{serial}");
        Assert.Equal("Acknowledged", form.GetProperty("state").GetString());
        Assert.Equal(0, await reported.CountAsync());
        await ConsoleBrowser.ScreenshotAsync(financePage, "finance");
    }

    private static async Task Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    [GeneratedRegex(@"/customers/([0-9a-f-]{36})")]
    private static partial Regex CustomerId();

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Chinese();
}
