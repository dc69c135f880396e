using Crm.Reports.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Reports.Tests;

/// <summary>
/// The customer-resource figures of domain.md §5 on a fixed data set, each expectation worked out by hand below.
/// Two stores, November 2026 (store-local days 1 to 30).
/// </summary>
public sealed class CustomerResourceFiguresTests : IAsyncLifetime
{
    private ServiceFactory<Program> _service = null!;
    private readonly Guid _a = Guid.CreateVersion7(), _b = Guid.CreateVersion7();
    private readonly Guid _d1 = Guid.NewGuid(), _d2 = Guid.NewGuid(), _d3 = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        _service = await ServiceFactory<Program>.StartAsync("reportdb");
        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportDbContext>();
        db.Stores.AddRange(Store(_a, "RA"), Store(_b, "RB"));

        // Store A
        var a1 = Customer(db, _a, CustomerSource.WalkIn, "2026-11-02", (_d1, "陈一", "2026-11-02"), (0.5m, "2026-11-02"), (0.8m, "2026-11-10"));
        Milestone(db, a1, MilestoneType.DepositPaid, "2026-11-05", _d1, 2000m);
        Milestone(db, a1, MilestoneType.DepositPaid, "2026-11-20", _d1, 3000m);
        Milestone(db, a1, MilestoneType.ContractSigned, "2026-11-25", _d1, 200000m, 100m);
        var a2 = Customer(db, _a, CustomerSource.Phone, "2026-10-20", (_d2, "王二", "2026-10-20"));
        Milestone(db, a2, MilestoneType.DepositPaid, "2026-10-25", _d2, 1000m);   // before the period: a2's first deposit is not November's
        Milestone(db, a2, MilestoneType.DepositPaid, "2026-11-10", _d2, 500m);
        Milestone(db, a2, MilestoneType.DesignFeePaid, "2026-11-12", _d2, 6000m);
        var a3 = Customer(db, _a, CustomerSource.WalkIn, "2026-11-15", (_d1, "陈一", "2026-11-15"), (0.3m, "2026-11-15"));
        Milestone(db, a3, MilestoneType.Lost, "2026-11-20", _d1);
        Customer(db, _a, CustomerSource.Marketing, "2026-11-28", null, (0.4m, "2026-11-28"), (0.9m, "2026-12-05"));
        var a5 = Customer(db, _a, CustomerSource.WalkIn, "2026-09-01", (_d2, "王二", "2026-09-01"));
        Milestone(db, a5, MilestoneType.Lost, "2026-10-01", _d2);
        Milestone(db, a5, MilestoneType.Reopened, "2026-11-03", _d2);
        // Store B
        var b1 = Customer(db, _b, CustomerSource.WalkIn, "2026-11-30", (_d3, "李三", "2026-12-01"), (0.2m, "2026-11-30"));
        Milestone(db, b1, MilestoneType.ContractSigned, "2026-12-02", _d3, 150000m, 80m);
        var b2 = Customer(db, _b, CustomerSource.WalkIn, "2026-11-10", (_d3, "李三", "2026-11-10"), (0.6m, "2026-11-10"));
        Milestone(db, b2, MilestoneType.ContractSigned, "2026-11-30", _d3, 100000.50m, 33.3m);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<JsonElement> FiguresAsync(Guid store, string query = "", string role = "StoreManager") =>
        await _service.ClientAs(role, role == "ChainAdmin" ? null : store).GetFromJsonAsync<JsonElement>($"/api/reports/customer-resources?storeId={store}&from=2026-11-01&to=2026-11-30{query}");

    private static object?[] Figures(JsonElement f) =>
    [
        f.GetProperty("newRegistered").GetInt32(), f.GetProperty("inNegotiation").GetInt32(), f.GetProperty("deposits").GetInt32(),
        f.GetProperty("depositAmount").GetDecimal(), f.GetProperty("signedCount").GetInt32(), f.GetProperty("signedAmount").GetDecimal(),
        f.GetProperty("signedAreaM2").GetDecimal(), Number(f, "averageOrder"), Number(f, "averagePricePerM2"),
        f.GetProperty("designFeeCount").GetInt32(), f.GetProperty("designFees").GetDecimal(), Number(f, "completenessRate"),
    ];

    private static decimal? Number(JsonElement f, string name) => f.GetProperty(name).ValueKind == JsonValueKind.Null ? null : f.GetProperty(name).GetDecimal();

    [Fact]
    public async Task A_stores_month_is_counted_by_the_readings_of_section_5()
    {
        var a = await FiguresAsync(_a);

        // new: a1, a3, a4 · in negotiation at 30 Nov: a2 (open), a5 (reopened) — a1 signed, a3 lost, a4 never dispatched ·
        // deposits: a1 (a2's first was in October) · deposit amount 2000 + 3000 + 500 · signed a1: 200000 for 100 m² ·
        // design fee a2 6000 · completeness of a1 0.8 (as of 30 Nov), a3 0.3, a4 0.4 (its 0.9 came in December): 1.5 / 3.
        Assert.Equal([3, 2, 1, 5500m, 1, 200000m, 100m, 200000m, 2000m, 1, 6000m, 0.5m], Figures(a.GetProperty("total")));
        Assert.Empty(a.GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public async Task Averages_are_exact_to_the_fen_and_the_chain_is_the_sum_of_its_stores()
    {
        var b = await FiguresAsync(_b);
        // new: b1 (30 Nov), b2 · nobody in negotiation (b2 signed; b1 dispatched on 1 Dec) · signed b2: 100000.50 for 33.3 m²,
        // 100000.50 / 33.3 = 3003.018… → 3003.02 · completeness 0.2 and 0.6 → 0.4.
        Assert.Equal([2, 0, 0, 0m, 1, 100000.50m, 33.3m, 100000.50m, 3003.02m, 0, 0m, 0.4m], Figures(b.GetProperty("total")));

        var chain = await _service.ClientAs("ChainAdmin").GetFromJsonAsync<JsonElement>("/api/reports/customer-resources?from=2026-11-01&to=2026-11-30&by=store");
        var ours = chain.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("storeId").GetGuid() == _a || r.GetProperty("storeId").GetGuid() == _b)
            .ToDictionary(r => r.GetProperty("storeId").GetGuid(), r => Figures(r.GetProperty("figures")));
        Assert.Equal(Figures((await FiguresAsync(_a)).GetProperty("total")), ours[_a]);
        Assert.Equal(Figures(b.GetProperty("total")), ours[_b]);
        // Whatever else the database holds, the chain's total is the sum of its stores' rows.
        var rows = chain.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("figures")).ToList();
        var total = chain.GetProperty("total");
        Assert.Equal(rows.Sum(r => r.GetProperty("newRegistered").GetInt32()), total.GetProperty("newRegistered").GetInt32());
        Assert.Equal(rows.Sum(r => r.GetProperty("signedAmount").GetDecimal()), total.GetProperty("signedAmount").GetDecimal());
        Assert.Equal(rows.Sum(r => r.GetProperty("inNegotiation").GetInt32()), total.GetProperty("inNegotiation").GetInt32());
    }

    [Fact]
    public async Task By_designer_and_by_source_split_the_same_figures()
    {
        var byDesigner = (await FiguresAsync(_a, "&by=designer")).GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("designerName").GetString() ?? "—", r => Figures(r.GetProperty("figures")));
        // 陈一: new a1, a3; a1's deposits and signing; completeness 0.8 and 0.3. 王二: a2 and a5 in negotiation, a2's deposit and fee.
        // No designer: a4, new, completeness 0.4.
        Assert.Equal([2, 0, 1, 5000m, 1, 200000m, 100m, 200000m, 2000m, 0, 0m, 0.55m], byDesigner["陈一"]);
        Assert.Equal([0, 2, 0, 500m, 0, 0m, 0m, null, null, 1, 6000m, null], byDesigner["王二"]);
        Assert.Equal([1, 0, 0, 0m, 0, 0m, 0m, null, null, 0, 0m, 0.4m], byDesigner["—"]);

        var bySource = (await FiguresAsync(_a, "&by=source")).GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("source").GetString()!, r => Figures(r.GetProperty("figures")));
        Assert.Equal(["Marketing", "Phone", "WalkIn"], bySource.Keys.Order());
        Assert.Equal([0, 1, 0, 500m, 0, 0m, 0m, null, null, 1, 6000m, null], bySource["Phone"]);
        Assert.Equal([2, 1, 1, 5000m, 1, 200000m, 100m, 200000m, 2000m, 0, 0m, 0.55m], bySource["WalkIn"]);
    }

    [Fact]
    public async Task The_workbook_reads_back_cell_by_cell_with_numbers_as_numbers_and_the_csv_opens_in_excel()
    {
        var client = _service.ClientAs("StoreManager", _a);
        var xlsx = await client.GetAsync("/api/reports/customer-resources?from=2026-11-01&to=2026-11-30&format=xlsx");
        var csv = await client.GetAsync("/api/reports/customer-resources?from=2026-11-01&to=2026-11-30&format=csv");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var total = Assert.Single(rows);
        Assert.Equal("合计 Total", total["门店 Store"]);
        Assert.Equal([3m, 2m, 1m, 5500m, 1m, 200000m, 100m, 200000m, 2000m, 1m, 6000m, 0.5m],
            new[] { "新登记客流 New registered", "在谈客户数 In negotiation", "交定金数 Deposits", "定金额 Deposit amount", "签单数 Signed", "签单额 Signed amount",
                "签单面积 Signed m²", "平均单额 Average order", "平米均价 Price per m²", "设计费笔数 Design fees paid", "设计费 Design fees", "完整率 Completeness" }
            .Select(column => Assert.IsType<double>(total[column])).Select(v => (decimal)v));
        // Money shows as yuan to the fen with separators, the rate as a percentage: number formats of the sheet, the cells still numbers.
        using var workbook = new System.IO.Compression.ZipArchive(await xlsx.Content.ReadAsStreamAsync());
        var styles = await new StreamReader(workbook.GetEntry("xl/styles.xml")!.Open()).ReadToEndAsync();
        Assert.Contains("formatCode=\"#,##0.00\"", styles);
        Assert.Contains("formatCode=\"0.00%\"", styles);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Contains(",5500.00,", System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("\"门店 Store\",\"来源 Source\",\"设计师 Designer\",\"新登记客流 New registered\"", System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task Another_stores_figures_do_not_exist_and_a_bad_period_is_refused_by_field()
    {
        var otherStore = await _service.ClientAs("StoreManager", _b).GetAsync($"/api/reports/customer-resources?storeId={_a}&from=2026-11-01&to=2026-11-30");
        var backwards = await _service.ClientAs("StoreManager", _a).GetAsync("/api/reports/customer-resources?from=2026-11-30&to=2026-11-01&by=week");

        Assert.Equal(HttpStatusCode.NotFound, otherStore.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(["by", "to"], (await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    private static StoreCopy Store(Guid id, string code) => StoreCopy.From<StoreCopy>(new StoreOpened
    {
        StoreId = id, Code = code + Random.Shared.Next(10, 99), Name = code, City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow.AddYears(-2),
    });

    private static DateTimeOffset Noon(string day) => new(DateOnly.Parse(day).ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));

    private static CustomerFact Customer(ReportDbContext db, Guid store, CustomerSource source, string registeredOn, (Guid Id, string Name, string On)? designer,
        params (decimal Rate, string On)[] completeness)
    {
        var customer = CustomerFact.From(new CustomerRegistered
        {
            StoreId = store, CustomerId = Guid.CreateVersion7(), CustomerNo = "R-" + Random.Shared.Next(100_000, 999_999), Source = source, RegisteredAt = Noon(registeredOn),
        }, DateOnly.Parse(registeredOn));
        db.Customers.Add(customer);
        if (designer is { } d) ReadModel.Dispatch(db, customer, d.Id, d.Name, Noon(d.On), DateOnly.Parse(d.On));
        foreach (var (rate, on) in completeness) db.Completeness.Add(CompletenessFact.Of(store, customer.Id, Noon(on), rate));
        return customer;
    }

    private static void Milestone(ReportDbContext db, CustomerFact customer, MilestoneType type, string day, Guid designer, decimal? amount = null, decimal? area = null) =>
        db.Milestones.Add(MilestoneFact.From(new MilestoneRecorded
        {
            StoreId = customer.StoreId, CustomerId = customer.Id, MilestoneId = Guid.CreateVersion7(), Type = type, At = Noon(day), Stage = CustomerStage.Registered,
            Amount = amount, AreaM2 = area, RecordedBy = "test",
        }, DateOnly.Parse(day), designer));
}
