using System.Text;
using Crm.Messages;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Crm.Customers.Tests.Api;

/// <summary>The walk-in, phone and handed-over registers by day and month, as JSON, CSV and Excel.</summary>
public sealed class RegisterTests(CustomerServiceFixture fixture) : IClassFixture<CustomerServiceFixture>
{
    private static string Today => CustomerServiceFixture.StoreToday.ToString("yyyy-MM-dd");
    private static string ThisMonth => CustomerServiceFixture.StoreToday.ToString("yyyy-MM");

    [Fact]
    public async Task Walk_in_and_phone_registers_list_the_days_registrations_by_channel()
    {
        var store = await fixture.OpenStoreAsync();
        var walkIn = await fixture.RegisterIdAsync(store, "WalkIn", "张三");
        var phone = await fixture.RegisterIdAsync(store, "Phone", "李四");
        await fixture.RegisterIdAsync(store, "Marketing", "王五");

        var walkIns = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/registers/walk-in?storeId={store}&date={Today}");
        var calls = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/registers/phone?storeId={store}&month={ThisMonth}");
        var yesterday = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/registers/walk-in?storeId={store}&date={CustomerServiceFixture.StoreToday.AddDays(-1):yyyy-MM-dd}");

        Assert.Equal([walkIn], walkIns.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("customerId").GetGuid()));
        Assert.Equal(Today, walkIns.GetProperty("period").GetString());
        Assert.Equal([phone], calls.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("customerId").GetGuid()));
        Assert.Equal(ThisMonth, calls.GetProperty("period").GetString());
        Assert.Equal(0, yesterday.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_handed_over_register_lists_the_customers_dispatched_that_day()
    {
        var store = await fixture.OpenStoreAsync();
        var dispatched = await fixture.RegisterIdAsync(store, name: "张三");
        await fixture.RegisterIdAsync(store, name: "李四");
        await fixture.BusReadyAsync();

        await fixture.Service.Services.GetRequiredService<IBus>().Publish(new CustomerDispatched
        {
            StoreId = store, CustomerId = dispatched, AssignmentId = Guid.NewGuid(), DesignerId = Guid.NewGuid(), DesignerName = "陈设计", DispatchedAt = DateTimeOffset.UtcNow,
        });
        await Eventually.Holds(() => fixture.InDatabase(db => db.Dispatches.AnyAsync(d => d.CustomerId == dispatched)), TimeSpan.FromSeconds(30), "the dispatch to arrive");

        var register = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/registers/handed-over?storeId={store}&date={Today}");
        var row = Assert.Single(register.GetProperty("rows").EnumerateArray());
        Assert.Equal((dispatched, "陈设计"), (row.GetProperty("customerId").GetGuid(), row.GetProperty("designerName").GetString()));
    }

    [Fact]
    public async Task A_register_exports_as_csv_that_excel_reads_and_as_a_workbook()
    {
        var store = await fixture.OpenStoreAsync();
        var first = await fixture.RegisterAsync(store, CustomerServiceFixture.NewPhone(), name: "张三");
        await fixture.RegisterAsync(store, CustomerServiceFixture.NewPhone(), name: "李四");

        var csv = await fixture.Admin.GetAsync($"/api/customers/registers/walk-in?storeId={store}&date={Today}&format=csv");
        var xlsx = await fixture.Admin.GetAsync($"/api/customers/registers/walk-in?storeId={store}&month={ThisMonth}&format=xlsx");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("登记时间,客户编号,姓名,电话,来源,回头客,设计师,阶段,登记人", lines[0]);
        Assert.Contains($",{first.GetProperty("customerNo").GetString()},张三,", lines[1]);
        Assert.EndsWith(",WalkIn,否,,Registered,test-ChainAdmin", lines[1]);

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["张三", "李四"], rows.Select(r => r["姓名"]?.ToString()));
    }

    [Theory]
    [InlineData("walk-in?date=2026-13-01", "date")]
    [InlineData("walk-in?month=2026-1", "month")]
    [InlineData("walk-in?month=2026-11&date=2026-11-01", "month")]
    [InlineData("walk-in", "date")]
    [InlineData("walk-in?date=2026-11-01&format=pdf", "format")]
    [InlineData("walk-in?date=2026-11-01&format=1", "format")]
    public async Task A_bad_register_query_names_the_field(string query, string field)
    {
        var store = await fixture.OpenStoreAsync();
        var response = await fixture.Service.ClientAs("CustomerManager", store).GetAsync($"/api/customers/registers/{query}");
        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task A_store_users_register_is_their_own_stores_and_another_store_does_not_exist()
    {
        var home = await fixture.OpenStoreAsync();
        var other = await fixture.OpenStoreAsync();
        var mine = await fixture.RegisterIdAsync(home);
        await fixture.RegisterIdAsync(other);
        var manager = fixture.Service.ClientAs("CustomerManager", home);

        var own = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/registers/walk-in?date={Today}");
        var foreign = await manager.GetAsync($"/api/customers/registers/walk-in?storeId={other}&date={Today}");

        Assert.Equal([mine], own.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("customerId").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/customers/registers/visitors?date={Today}")).StatusCode);
    }
}
