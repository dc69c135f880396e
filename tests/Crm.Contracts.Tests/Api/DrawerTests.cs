using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Contracts.Tests.Api;

/// <summary>Stock counts, alerts, the requisition recommendation from the store's signings, and the exports.</summary>
public sealed class DrawerTests(ContractServiceFixture fixture) : IClassFixture<ContractServiceFixture>
{
    [Fact]
    public async Task A_count_of_the_drawer_against_the_ledger_and_a_lost_form_become_alerts()
    {
        var store = await fixture.StoreAsync();
        var prefix = $"ST{Random.Shared.Next(10, 99)}-";
        await fixture.ReceiveAsync(store, $"{prefix}001", $"{prefix}004");
        var cm = fixture.CustomerManagerOf(store);
        Assert.Equal(HttpStatusCode.OK, (await cm.PostAsJsonAsync($"/api/contracts/forms/{prefix}004/lost", new { reason = "柜台上不见了" })).StatusCode);

        var count = await cm.PostAsJsonAsync("/api/contracts/stock-counts", new { serials = new[] { $"{prefix}001", $"{prefix}002", "zz-999" } });
        var alerts = await cm.GetFromJsonAsync<JsonElement>("/api/contracts/alerts");

        Assert.Equal(HttpStatusCode.Created, count.StatusCode);
        var recorded = await count.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 3), (recorded.GetProperty("expected").GetInt32(), recorded.GetProperty("present").GetInt32()));
        Assert.Equal([$"{prefix}003"], recorded.GetProperty("missing").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["ZZ-999"], recorded.GetProperty("unexpected").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal([("Lost", $"{prefix}004"), ("MissingFromDrawer", $"{prefix}003"), ("UnexpectedInDrawer", "ZZ-999")],
            alerts.GetProperty("alerts").EnumerateArray().Select(a => (a.GetProperty("kind").GetString(), a.GetProperty("serial").GetString())));
    }

    [Fact]
    public async Task The_recommendation_averages_the_signings_of_the_three_months_before()
    {
        var store = await fixture.StoreAsync();
        var bus = fixture.Service.Services.GetRequiredService<IBus>();
        // Months of the store's own calendar (Asia/Shanghai): 2026-09 ×2, 2026-10 ×3, 2026-11 ×4 (one at 23:30 local on 30 Nov UTC+8 = 15:30 UTC),
        // and one in 2026-08 that is not counted.
        var signings = new[] { "2026-09-03T02:00:00Z", "2026-09-20T02:00:00Z", "2026-10-01T02:00:00Z", "2026-10-02T02:00:00Z", "2026-10-31T15:00:00Z",
            "2026-11-05T02:00:00Z", "2026-11-06T02:00:00Z", "2026-11-07T02:00:00Z", "2026-11-30T15:30:00Z", "2026-08-31T15:00:00Z" };
        foreach (var at in signings)
            await bus.Publish(new MilestoneRecorded
            {
                StoreId = store.StoreId, CustomerId = Guid.NewGuid(), MilestoneId = Guid.NewGuid(), Type = MilestoneType.ContractSigned,
                At = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), Stage = CustomerStage.ContractSigned, Amount = 1m, AreaM2 = 1m, RecordedBy = "王芳",
            });
        await Eventually.Holds(() => fixture.InDatabase(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Signings, s => s.StoreId == store.StoreId)).ContinueWith(t => t.Result == 10),
            TimeSpan.FromSeconds(30), "the ten signings to reach the contract service");
        await fixture.ReceiveAsync(store, "RQ-0001", "RQ-0002");

        var recommendation = await fixture.CustomerManagerOf(store).GetFromJsonAsync<JsonElement>("/api/contracts/requisitions/recommendation?month=2026-12");
        var withFigure = await fixture.CustomerManagerOf(store).GetFromJsonAsync<JsonElement>("/api/contracts/requisitions/recommendation?month=2026-12&expectedSignings=10");

        // Expected (2 + 3 + 4) / 3 = 3; ceil(3 × 1.2) = 4; less the 2 in stock.
        Assert.Equal(("2026-12", 2, 2, 3m, 0.2m), (recommendation.GetProperty("month").GetString(), recommendation.GetProperty("recommended").GetInt32(),
            recommendation.GetProperty("inStock").GetInt32(), recommendation.GetProperty("expectedSignings").GetDecimal(), recommendation.GetProperty("margin").GetDecimal()));
        Assert.Equal(10, withFigure.GetProperty("recommended").GetInt32());
    }

    [Fact]
    public async Task Finance_exports_the_forms_and_the_ledger_of_a_period_as_csv()
    {
        var store = await fixture.StoreAsync();
        var prefix = $"EX{Random.Shared.Next(10, 99)}-";
        await fixture.ReceiveAsync(store, $"{prefix}01", $"{prefix}02");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        var forms = await fixture.FinanceOf(store).GetAsync("/api/contracts/forms/export?format=csv");
        var ledger = await fixture.FinanceOf(store).GetAsync($"/api/contracts/custody/export?from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}&format=xlsx");
        var json = await fixture.FinanceOf(store).GetAsync("/api/contracts/forms/export?format=json");
        var none = await fixture.FinanceOf(store).GetAsync("/api/contracts/forms/export?state=Voided");

        Assert.Equal("text/csv", forms.Content.Headers.ContentType!.MediaType);
        var lines = (await forms.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("编号,状态,持有人", lines[0]);
        Assert.StartsWith($"{prefix}01,InStock", lines[1]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ledger.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal(lines[0], (await none.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Trim());
    }
}
