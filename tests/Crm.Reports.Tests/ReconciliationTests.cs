using Crm.Reports.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Reports.Tests;

/// <summary>Reconciliation (对单) of November 2026 over two stores, on a fixed set of leads worked out by hand.</summary>
public sealed class ReconciliationTests : IAsyncLifetime
{
    private ServiceFactory<Program> _service = null!;
    private readonly Guid _a = Guid.CreateVersion7();
    private readonly Guid _b = Guid.CreateVersion7();
    private readonly string _codeA = "RA" + Random.Shared.Next(100, 999);
    private readonly string _codeB = "RB" + Random.Shared.Next(100, 999);
    private static readonly Guid Anjuke = Guid.CreateVersion7();

    /// <summary>10:00 in Shanghai on the day.</summary>
    private static DateTimeOffset At(string day) => DateTimeOffset.Parse(day + "T10:00:00+08:00");

    public async Task InitializeAsync()
    {
        _service = await ServiceFactory<Program>.StartAsync("reportdb");
        var services = _service.Services;
        foreach (var (id, code) in new[] { (_a, _codeA), (_b, _codeB) })
            await ReadModel.ApplyAsync(services, new StoreOpened { StoreId = id, Code = code, Name = code + "店", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = At("2025-01-01") });

        // Store A, marketing: L0 arrived in October (outside the period); L1 met, measured and signed; L2 met, measured only in
        // December; L3 found a duplicate by the customer service; L4 registered, never met.
        await LeadAsync(_a, "L0", "郑一", "2026-10-31", null);
        var l1 = await LeadAsync(_a, "L1", "钱二", "2026-11-02", null);
        await MeetAsync(l1, "2026-11-04");
        await MilestoneAsync(l1, MilestoneType.Measured, "2026-11-10", CustomerStage.Measured);
        await MilestoneAsync(l1, MilestoneType.ContractSigned, "2026-11-20", CustomerStage.ContractSigned);
        var l2 = await LeadAsync(_a, "L2", "孙三", "2026-11-03", null);
        await MeetAsync(l2, "2026-11-06");
        await MilestoneAsync(l2, MilestoneType.Measured, "2026-12-02", CustomerStage.Measured);
        await LeadAsync(_a, "L3", "李四", "2026-11-05", null, duplicateLater: true);
        await LeadAsync(_a, "L4", "周五", "2026-11-29", null);
        // Store A, 安居客: P1 a duplicate on arrival, P2 met on the 28th.
        await LeadAsync(_a, "P1", "吴六", "2026-11-10", Anjuke, duplicateOnArrival: true);
        var p2 = await LeadAsync(_a, "P2", "郑七", "2026-11-12", Anjuke);
        await MeetAsync(p2, "2026-11-28");
        // Store B, 安居客: B1 registered, never met.
        await LeadAsync(_b, "B1", "王八", "2026-11-15", Anjuke);
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<(Guid Store, Guid Customer)?> LeadAsync(Guid store, string externalId, string name, string day, Guid? partner, bool duplicateOnArrival = false, bool duplicateLater = false)
    {
        var lead = Guid.CreateVersion7();
        await ReadModel.ApplyAsync(_service.Services, new LeadReceived
        {
            StoreId = store, LeadId = lead, Source = partner is null ? CustomerSource.Marketing : CustomerSource.Partner, PartnerId = partner,
            SupplierName = partner is null ? "Marketing" : "安居客", ExternalId = externalId, ReceivedAt = At(day), Duplicate = duplicateOnArrival, Name = name, Phone = "+8613900000000",
        });
        if (duplicateOnArrival) return null;
        if (duplicateLater)
        {
            await ReadModel.ApplyAsync(_service.Services, new LeadDuplicateFound { StoreId = store, LeadId = lead, FoundAt = At(day).AddMinutes(1) });
            return null;
        }
        var customer = Guid.CreateVersion7();
        await ReadModel.ApplyAsync(_service.Services, new CustomerRegistered
        {
            StoreId = store, CustomerId = customer, CustomerNo = $"{externalId}-NO", Source = partner is null ? CustomerSource.Marketing : CustomerSource.Partner,
            RegisteredAt = At(day).AddMinutes(1), Stage = CustomerStage.AssignedToStore, LeadId = lead,
        });
        return (store, customer);
    }

    private Task MeetAsync((Guid Store, Guid Customer)? customer, string day) =>
        ReadModel.ApplyAsync(_service.Services, new CustomerMet { StoreId = customer!.Value.Store, CustomerId = customer.Value.Customer, MetAt = At(day) });

    private Task MilestoneAsync((Guid Store, Guid Customer)? customer, MilestoneType type, string day, CustomerStage stage) =>
        ReadModel.ApplyAsync(_service.Services, new MilestoneRecorded
        {
            StoreId = customer!.Value.Store, CustomerId = customer.Value.Customer, MilestoneId = Guid.CreateVersion7(), Type = type, At = At(day), Stage = stage,
            Amount = type == MilestoneType.ContractSigned ? 100_000m : null, AreaM2 = type == MilestoneType.ContractSigned ? 90m : null, RecordedBy = "王芳",
        });

    private static int[] Figures(JsonElement row) =>
        new[] { "supplied", "duplicates", "registered", "met", "measured", "signed" }.Select(f => row.GetProperty(f).GetInt32()).ToArray();

    [Fact]
    public async Task Marketing_sees_each_store_and_supplier_against_hand_counted_figures_and_the_leads_never_met()
    {
        var report = await _service.ClientAs(StaffRoles.Marketing).GetFromJsonAsync<JsonElement>("/api/reports/reconciliation?from=2026-11-01&to=2026-11-30&asOf=2026-11-30");
        var rows = report.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("storeCode").GetString() is { } code && (code == _codeA || code == _codeB)).ToList();

        Assert.Equal([(_codeA, "Marketing"), (_codeA, "安居客"), (_codeB, "安居客")], rows.Select(r => (r.GetProperty("storeCode").GetString(), r.GetProperty("supplier").GetString())));
        Assert.Equal([4, 1, 3, 2, 1, 1], Figures(rows[0]));
        Assert.Equal([2, 1, 1, 1, 0, 0], Figures(rows[1]));
        Assert.Equal([1, 0, 1, 0, 0, 0], Figures(rows[2]));
        var neverMet = report.GetProperty("neverMet").EnumerateArray().Where(l => l.GetProperty("storeId").GetGuid() == _a || l.GetProperty("storeId").GetGuid() == _b)
            .Select(l => (l.GetProperty("name").GetString(), l.GetProperty("customerNo").GetString()));
        Assert.Equal([("周五", "L4-NO"), ("王八", "B1-NO")], neverMet);
    }

    [Fact]
    public async Task A_later_as_of_day_counts_what_happened_since_and_a_past_one_answers_the_same()
    {
        var client = _service.ClientAs(StaffRoles.ChainAdmin);
        var december = await client.GetFromJsonAsync<JsonElement>($"/api/reports/reconciliation?storeId={_a}&from=2026-11-01&to=2026-11-30&asOf=2026-12-05");
        var november = await client.GetFromJsonAsync<JsonElement>($"/api/reports/reconciliation?storeId={_a}&from=2026-11-01&to=2026-11-30&asOf=2026-11-30");

        Assert.Equal([4, 1, 3, 2, 2, 1], Figures(december.GetProperty("rows")[0]));
        Assert.Equal([6, 2, 4, 3, 2, 1], Figures(december.GetProperty("total")));
        Assert.Equal([6, 2, 4, 3, 1, 1], Figures(november.GetProperty("total")));
        // Before P2 was met on the 28th.
        var earlier = await client.GetFromJsonAsync<JsonElement>($"/api/reports/reconciliation?storeId={_a}&from=2026-11-01&to=2026-11-20&asOf=2026-11-20");
        Assert.Equal([5, 2, 3, 2, 1, 1], Figures(earlier.GetProperty("total")));
        Assert.Equal(["郑七"], earlier.GetProperty("neverMet").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_store_sees_its_own_only_and_the_report_comes_as_a_sheet()
    {
        var manager = _service.ClientAs(StaffRoles.StoreManager, _b);
        var own = await manager.GetFromJsonAsync<JsonElement>("/api/reports/reconciliation?from=2026-11-01&to=2026-11-30&asOf=2026-11-30");
        Assert.Equal([_b], own.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("storeId").GetGuid()).Distinct());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/reports/reconciliation?storeId={_a}&from=2026-11-01&to=2026-11-30")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _service.ClientAs(StaffRoles.Designer, _b, Guid.NewGuid()).GetAsync("/api/reports/reconciliation?from=2026-11-01&to=2026-11-30")).StatusCode);
        await ProblemAssert.NamesFieldAsync(await manager.GetAsync("/api/reports/reconciliation?from=2026-11-30&to=2026-11-01"), "to");

        var csv = await (await _service.ClientAs(StaffRoles.ChainAdmin).GetAsync($"/api/reports/reconciliation?storeId={_a}&from=2026-11-01&to=2026-11-30&asOf=2026-11-30&format=csv")).Content.ReadAsStringAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(1 + 2 + 1 + 1, lines.Length);
        Assert.Contains(lines, l => l.Contains("周五 (L4-NO)"));
    }
}
