using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Crm.Partners.Tests.Api;

/// <summary>Marketing's file of leads: good rows stored, bad rows reported by number, progress readable, the same file never imported twice.</summary>
public sealed class ImportTests : IAsyncLifetime
{
    private PartnerHost _host = null!;

    public async Task InitializeAsync() => _host = await PartnerHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static MultipartFormDataContent File(string csv, string name = "leads.csv") =>
        new() { { new ByteArrayContent(new UTF8Encoding(true).GetBytes(csv)), "file", name } };

    private static async Task<JsonElement> JobAsync(HttpClient client, Guid jobId, string state, TimeSpan timeout)
    {
        var text = await Eventually.Returns(async () =>
        {
            var current = await client.GetFromJsonAsync<JsonElement>($"/api/leads/imports/{jobId}");
            return current.GetProperty("state").GetString() == state ? current.GetRawText() : null;
        }, timeout, $"the upload to be {state}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task Ten_thousand_rows_with_a_hundred_bad_store_9900_and_report_the_100_by_row_number()
    {
        var code = "M" + Random.Shared.Next(100, 999);
        var store = await _host.StoreAsync("上海", code);
        var csv = new StringBuilder("externalId,storeCode,name,phone,house.areaM2,preferences.styles\n");
        var expectedBad = new List<int>();
        for (var i = 1; i <= 10_000; i++)
        {
            // Every hundredth row breaks one rule, in turn: a bad phone, an unknown store, a negative area, no name.
            var (phone, storeCode, area, name) = ($"138{i:D8}", code, "96.5", $"客户{i}");
            if (i % 100 == 0)
            {
                expectedBad.Add(i + 1);
                switch (i / 100 % 4)
                {
                    case 0: phone = "12345"; break;
                    case 1: storeCode = "NOPE"; break;
                    case 2: area = "-3"; break;
                    default: name = ""; break;
                }
            }
            csv.Append($"MKT-{i},{storeCode},{name},{phone},{area},\"现代,简约\"\n");
        }
        var marketing = _host.Service.ClientAs(StaffRoles.Marketing);

        var uploaded = await marketing.PostAsync("/api/leads/imports", File(csv.ToString()));
        Assert.Equal(HttpStatusCode.Accepted, uploaded.StatusCode);
        var jobId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var job = await JobAsync(marketing, jobId, "Completed", TimeSpan.FromMinutes(3));

        Assert.Equal((10_000, 10_000, 9_900, 0, 100),
            (job.GetProperty("totalRows").GetInt32(), job.GetProperty("processedRows").GetInt32(), job.GetProperty("storedRows").GetInt32(),
             job.GetProperty("duplicateRows").GetInt32(), job.GetProperty("badRows").GetInt32()));
        Assert.Equal(9_900, await _host.InDatabase(db => db.Leads.CountAsync(l => l.ImportJobId == jobId && l.StoreId == store)));
        var errors = await marketing.GetFromJsonAsync<JsonElement>($"/api/leads/imports/{jobId}/errors");
        Assert.Equal(expectedBad, errors.EnumerateArray().Select(e => e.GetProperty("row").GetInt32()));
        Assert.Equal(["storeCode", "house.areaM2", "name", "phone"], errors.EnumerateArray().Take(4).Select(e => e.GetProperty("field").GetString()));
        var file = await marketing.GetAsync($"/api/leads/imports/{jobId}/errors?format=csv");
        Assert.Equal(101, (await file.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // The same file again is the same job, and nothing more is stored.
        var again = await marketing.PostAsync("/api/leads/imports", File(csv.ToString(), "leads-copy.csv"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(jobId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(9_900, await _host.InDatabase(db => db.Leads.CountAsync(l => l.StoreId == store)));
        Assert.Equal(9_900, await _host.InDatabase(db => db.OutboxMessages.CountAsync(m => m.MessageType.Contains(nameof(LeadReceived)))));
    }

    [Fact]
    public async Task Rows_by_city_spread_over_the_citys_stores()
    {
        var first = await _host.StoreAsync("苏州", "SZ01");
        var second = await _host.StoreAsync("苏州", "SZ02");
        var marketing = _host.Service.ClientAs(StaffRoles.Marketing);
        var csv = "city,name,phone\n" + string.Concat(Enumerable.Range(1, 4).Select(i => $"苏州,客户{i},1361234000{i}\n"));

        var jobId = (await (await marketing.PostAsync("/api/leads/imports", File(csv))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await JobAsync(marketing, jobId, "Completed", TimeSpan.FromSeconds(30));

        var perStore = await _host.InDatabase(db => db.Leads.Where(l => l.ImportJobId == jobId).GroupBy(l => l.StoreId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal([(first, 2), (second, 2)], perStore.Select(p => (p.Key, p.Count)).OrderBy(p => p.Key == second));
    }

    [Fact]
    public async Task A_file_with_an_unknown_column_fails_as_a_whole_and_stores_nothing()
    {
        var marketing = _host.Service.ClientAs(StaffRoles.Marketing);
        var uploaded = await marketing.PostAsync("/api/leads/imports", File("storeCode,name,phone,vip\nSH01,周女士,13800000001,yes\n"));
        var jobId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var job = await JobAsync(marketing, jobId, "Failed", TimeSpan.FromSeconds(30));
        Assert.Contains("vip", job.GetProperty("failure").GetString());
        Assert.Equal(0, await _host.InDatabase(db => db.Leads.CountAsync()));
    }

    [Fact]
    public async Task Only_marketing_and_the_chain_upload_and_a_file_must_be_csv_or_excel()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.Service.ClientAs(StaffRoles.CustomerManager, Guid.CreateVersion7()).PostAsync("/api/leads/imports", File("name,phone\n"))).StatusCode);
        await ProblemAssert.NamesFieldAsync(await _host.Service.ClientAs(StaffRoles.Marketing).PostAsync("/api/leads/imports", File("name,phone\n", "leads.txt")), "file");
        Assert.Equal(0, await _host.InDatabase(db => db.ImportJobs.CountAsync()));
    }
}
