namespace Crm.SystemTests;

/// <summary>
/// A customer manager's day through the gateway (what is due, a follow-up with a change of the customer, the
/// timeline), and the clock passing three months: a customer who paid a deposit and stayed unsigned gets a
/// key-attention task, which the signing closes.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class FollowUpJourneyTests(SystemFixture system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task A_deposit_left_unsigned_for_three_months_brings_key_attention_and_the_signing_closes_it()
    {
        var cm = await system.SignInAsync("sh01.cm", "Store#2026");
        var registered = await cm.PostAsJsonAsync("/api/customers", new { source = "WalkIn", name = "钱红", phone = $"136{Random.Shared.Next(0, 99_999_999):D8}" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await cm.PostAsJsonAsync($"/api/customers/{id}/milestones", new { type = "DepositPaid", amount = 2000m, depositKind = "Measurement" })).StatusCode);

        // What follow-ups know of the customer: the deposit, the designer, the day they turn stale.
        var followed = await Eventually.Returns<JsonElement[]>(async () =>
        {
            var response = await cm.GetAsync($"/api/followups/customers/{id}");
            if (response.StatusCode != HttpStatusCode.OK) return null;
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return body.GetProperty("depositPaidAt").ValueKind != JsonValueKind.Null && body.GetProperty("designerName").ValueKind == JsonValueKind.String ? new[] { body } : null;
        }, Patience, "follow-ups to know the deposit and the designer");
        var designer = followed[0].GetProperty("designerName").GetString();

        // The customer manager's day: one request for what is due and overdue for them (the customer manager who
        // registered the customer follows them up), one follow-up that changes the customer.
        var mine = await cm.GetFromJsonAsync<JsonElement>($"/api/followups/tasks?due=open&mine=true&customerId={id}");
        var first = mine.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("FirstFollowUp", first.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, (await cm.GetAsync("/api/followups/tasks?due=todayOrOverdue&mine=true")).StatusCode);
        var recorded = await cm.PostAsJsonAsync("/api/followups", new
        {
            customerId = id, purpose = "量房前确认", form = "Phone", content = "客户确认周六量房，新房地址有变", summary = "周六量房，地址更新", intent = "有意向",
            changes = new { address = "徐汇区漕溪北路88号" },
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var followUp = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await cm.PostAsJsonAsync($"/api/followups/tasks/{first.GetProperty("id").GetGuid()}/complete", new { followUpId = followUp })).StatusCode);
        var timeline = await Eventually.Returns(async () =>
        {
            var entries = (await cm.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/timeline")).EnumerateArray().ToList();
            // The note and the change come from two consumers of the same event: wait for both.
            return entries.Any(e => e.GetProperty("kind").GetString() == "InfoChanged") && entries.Any(e => e.GetProperty("kind").GetString() == "FollowUp") ? entries : null;
        }, Patience, "the follow-up and its change on the timeline");
        Assert.Equal("Follow-up (Phone): 周六量房，地址更新 Intent: 有意向.", timeline.Single(e => e.GetProperty("kind").GetString() == "FollowUp").GetProperty("summary").GetString());
        Assert.Equal("address: — → 徐汇区漕溪北路88号", timeline.Single(e => e.GetProperty("kind").GetString() == "InfoChanged").GetProperty("summary").GetString());
        var change = (await cm.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/changes")).GetProperty("items").EnumerateArray().Single();
        Assert.StartsWith("Follow-up of ", change.GetProperty("reason").GetString());

        // The clock passes three months: on the day the customer turns stale, the schedule makes the key-attention task.
        var staleFrom = DateOnly.Parse(followed[0].GetProperty("staleFrom").GetString()!);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime);
        try
        {
            var set = await system.Gateway.PutAsJsonAsync("/api/operations/followups/clock", new { offset = TimeSpan.FromDays(staleFrom.DayNumber - today.DayNumber) });
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            var keyAttention = await Eventually.Returns(async () =>
            {
                var tasks = await cm.GetFromJsonAsync<JsonElement>($"/api/followups/tasks?customerId={id}&kind=KeyAttention&due=todayOrOverdue&mine=true");
                return tasks.GetProperty("total").GetInt32() == 1 ? new[] { tasks.GetProperty("items")[0] } : null;
            }, Patience, "the key-attention task");
            Assert.Equal(staleFrom.ToString("yyyy-MM-dd"), keyAttention[0].GetProperty("dueOn").GetString());
            Assert.Contains($"talk with designer {designer} and home consultant", keyAttention[0].GetProperty("reason").GetString());

            Assert.Equal(HttpStatusCode.Created, (await cm.PostAsJsonAsync($"/api/customers/{id}/milestones", new { type = "ContractSigned", amount = 180000m, areaM2 = 90m })).StatusCode);

            var closed = await Eventually.Returns(async () =>
            {
                var task = (await cm.GetFromJsonAsync<JsonElement>($"/api/followups/tasks?customerId={id}&kind=KeyAttention")).GetProperty("items")[0];
                return task.GetProperty("closedAt").ValueKind == JsonValueKind.Null ? null : new[] { task };
            }, Patience, "the signing to close the key-attention task");
            Assert.StartsWith("The customer signed a contract on ", closed[0].GetProperty("closedReason").GetString());
        }
        finally
        {
            await system.Gateway.PutAsJsonAsync("/api/operations/followups/clock", new { offset = TimeSpan.Zero });
        }
    }
}
