using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Tests.Api;

/// <summary>A form from stock to finance through the API, with its ledger, its events and who may receive it (domain.md §3).</summary>
public sealed class CustodyFlowTests(ContractServiceFixture fixture) : IClassFixture<ContractServiceFixture>
{
    private static string Serial() => $"HT{Random.Shared.Next(10, 99)}-{Random.Shared.Next(100_000, 999_999)}";

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Received, issued to the designer for the customer, signed, and retrieved by the customer manager.</summary>
    private async Task<string> RetrievedAsync(StoreStaff store)
    {
        var serial = Serial();
        await fixture.ReceiveAsync(store, serial, serial);
        var cm = fixture.CustomerManagerOf(store);
        await Ok(await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/issue", new { designerId = store.DesignerId, customerId = store.Customer }));
        await Ok(await fixture.DesignerOf(store).PostAsJsonAsync($"/api/contracts/forms/{serial}/sign", new { customerId = store.Customer, amount = 268000m, areaM2 = 118m }));
        await Ok(await cm.PostAsync($"/api/contracts/forms/{serial}/retrieve", null));
        return serial;
    }

    [Fact]
    public async Task A_form_goes_from_stock_to_finance_and_one_request_tells_who_has_it_and_every_move()
    {
        var store = await fixture.StoreAsync();
        var serial = await RetrievedAsync(store);
        var cm = fixture.CustomerManagerOf(store);
        var manager = fixture.StoreManagerOf(store);

        // The expected return as a store in China writes it, with its offset.
        await Ok(await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/transfer", new { toUserId = store.StoreManager, purpose = "审批", expectedReturnAt = "2030-01-01T10:00:00+08:00" }));
        await Ok(await manager.PostAsJsonAsync($"/api/contracts/forms/{serial}/approve", new { }));
        await Ok(await manager.PostAsync($"/api/contracts/forms/{serial}/return", null));
        await Ok(await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/report", new { financeUserId = store.Finance }));
        var acknowledged = await Ok(await fixture.FinanceOf(store).PostAsync($"/api/contracts/forms/{serial}/acknowledge", null));

        Assert.Equal(("Acknowledged", store.Finance), (acknowledged.GetProperty("state").GetString(), acknowledged.GetProperty("holderId").GetGuid()));
        var custody = await cm.GetFromJsonAsync<JsonElement>($"/api/contracts/forms/{serial}/custody");
        Assert.Equal(("Acknowledged", "赵会计"), (custody.GetProperty("state").GetString(), custody.GetProperty("holderName").GetString()));
        var moves = custody.GetProperty("moves").EnumerateArray().ToList();
        Assert.Equal(["Received", "Issued", "Signed", "Retrieved", "PassedOn", "Approved", "Returned", "Reported", "Acknowledged"],
            moves.Select(m => m.GetProperty("action").GetString()));
        var passed = moves[4];
        Assert.Equal(("王芳", "陈静", "审批"), (passed.GetProperty("fromName").GetString(), passed.GetProperty("toName").GetString(), passed.GetProperty("purpose").GetString()));
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 2, 0, 0, TimeSpan.Zero), passed.GetProperty("expectedReturnAt").GetDateTimeOffset());
        Assert.Equal(moves[6].GetProperty("at").GetDateTimeOffset(), passed.GetProperty("returnedAt").GetDateTimeOffset());
        Assert.Equal(("李明", "王芳"), (moves[3].GetProperty("fromName").GetString(), moves[3].GetProperty("toName").GetString()));

        var rows = await fixture.InDatabase(db => db.OutboxMessages.Where(m => m.MessageType.StartsWith("Crm.Messages.Contract")).OrderBy(m => m.Sequence).ToListAsync());
        var events = rows.Where(r => r.MessageType != typeof(ContractFormMoved).FullName)
            .Select(r => (Type: r.MessageType, Body: JsonDocument.Parse(r.Body).RootElement)).Where(r => r.Body.GetProperty("formSerial").GetString() == serial).ToList();
        Assert.Equal(["Crm.Messages.ContractSigned", "Crm.Messages.ContractReviewed"], events.Select(e => e.Type));
        Assert.Equal((store.Customer, store.DesignerId, 268000m, 118m), (events[0].Body.GetProperty("customerId").GetGuid(), events[0].Body.GetProperty("designerId").GetGuid(),
            events[0].Body.GetProperty("amount").GetDecimal(), events[0].Body.GetProperty("areaM2").GetDecimal()));
        // Every move but the receipt is announced with where the form stands and when it is due back, for the morning meeting's alerts.
        var announced = rows.Where(r => r.MessageType == typeof(ContractFormMoved).FullName).Select(r => JsonDocument.Parse(r.Body).RootElement)
            .Where(e => e.GetProperty("serial").GetString() == serial).ToList();
        Assert.Equal(moves.Skip(1).Select(m => m.GetProperty("action").GetString()), announced.Select(e => e.GetProperty("action").GetString()));
        var issued = moves[1].GetProperty("at").GetDateTimeOffset();
        // The ledger keeps the database's microseconds; the event the instant as taken.
        Assert.Equal(issued.AddDays(7), announced[0].GetProperty("retrieveBy").GetDateTimeOffset(), TimeSpan.FromMicroseconds(1));
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 2, 0, 0, TimeSpan.Zero), announced[3].GetProperty("returnBy").GetDateTimeOffset());
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (announced[2].GetProperty("retrieveBy").ValueKind, announced[^1].GetProperty("returnBy").ValueKind));
    }

    [Fact]
    public async Task Passing_a_form_to_a_designer_or_another_stores_manager_is_refused_and_kept_on_record()
    {
        var store = await fixture.StoreAsync();
        var other = await fixture.StoreAsync();
        var serial = await RetrievedAsync(store);
        var cm = fixture.CustomerManagerOf(store);

        var toDesigner = await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/transfer", new { toUserId = store.DesignerUser, purpose = "看看", expectedReturnAt = DateTimeOffset.UtcNow.AddDays(1) });
        var toOtherManager = await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/transfer", new { toUserId = other.StoreManager, purpose = "审批", expectedReturnAt = DateTimeOffset.UtcNow.AddDays(1) });

        foreach (var refused in new[] { toDesigner, toOtherManager })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("recipient-not-allowed", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
        var custody = await cm.GetFromJsonAsync<JsonElement>($"/api/contracts/forms/{serial}/custody");
        Assert.Equal(("Retrieved", store.CustomerManager), (custody.GetProperty("state").GetString(), custody.GetProperty("holderId").GetGuid()));
        var refusals = custody.GetProperty("moves").EnumerateArray().Where(m => m.GetProperty("action").GetString() == "PassingRefused").ToList();
        Assert.Equal([store.DesignerUser, other.StoreManager], refusals.Select(r => r.GetProperty("toId").GetGuid()));
        Assert.Equal(["看看", "审批"], refusals.Select(r => r.GetProperty("purpose").GetString()));
    }

    [Fact]
    public async Task An_authorised_colleague_receives_forms_through_the_last_day_until_revoked()
    {
        var store = await fixture.StoreAsync();
        var serial = await RetrievedAsync(store);
        var cm = fixture.CustomerManagerOf(store);
        var manager = fixture.StoreManagerOf(store);
        object PassOn() => new { toUserId = store.Colleague, purpose = "复印", expectedReturnAt = DateTimeOffset.UtcNow.AddHours(2) };

        var before = await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/transfer", PassOn());
        var grant = await Ok(await manager.PostAsJsonAsync("/api/contracts/authorisations", new { userId = store.Colleague, until = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)) }));
        var during = await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/transfer", PassOn());
        await Ok(await cm.PostAsync($"/api/contracts/forms/{serial}/return", null));
        await Ok(await manager.PostAsync($"/api/contracts/authorisations/{grant.GetProperty("id").GetGuid()}/revoke", null));
        var after = await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/transfer", PassOn());

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Forbidden], new[] { before.StatusCode, during.StatusCode, after.StatusCode });
    }

    [Fact]
    public async Task The_recipients_are_the_store_manager_finance_and_the_colleagues_authorised_today()
    {
        var store = await fixture.StoreAsync();
        var other = await fixture.StoreAsync();
        var cm = fixture.CustomerManagerOf(store);
        var until = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
        async Task<List<(Guid, string, string?)>> RecipientsAsync(HttpClient client, Guid storeId) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/contracts/recipients?storeId={storeId}")).EnumerateArray()
                .Select(r => (r.GetProperty("userId").GetGuid(), r.GetProperty("ground").GetString()!, r.GetProperty("until").ValueKind == JsonValueKind.Null ? null : r.GetProperty("until").GetString()))
                .ToList();

        var before = await RecipientsAsync(cm, store.StoreId);
        await Ok(await fixture.StoreManagerOf(store).PostAsJsonAsync("/api/contracts/authorisations", new { userId = store.Colleague, until }));
        var after = await RecipientsAsync(cm, store.StoreId);
        var ofAnotherStore = await RecipientsAsync(cm, other.StoreId);

        Assert.Equal([(store.Finance, "Finance", null), (store.StoreManager, "StoreManager", null)], before);
        Assert.Equal([(store.Colleague, "Authorised", until.ToString("yyyy-MM-dd")), (store.Finance, "Finance", null), (store.StoreManager, "StoreManager", null)], after);
        Assert.Empty(ofAnotherStore);
    }

    [Fact]
    public async Task A_customer_manager_handles_the_form_but_does_not_see_the_amount()
    {
        var store = await fixture.StoreAsync();
        var serial = await RetrievedAsync(store);

        JsonElement Contract(JsonElement form) => form.GetProperty("contract");
        var byCm = Contract(await fixture.CustomerManagerOf(store).GetFromJsonAsync<JsonElement>($"/api/contracts/forms/{serial}"));
        var byManager = Contract(await fixture.StoreManagerOf(store).GetFromJsonAsync<JsonElement>($"/api/contracts/forms/{serial}"));
        var byFinance = Contract(await fixture.FinanceOf(store).GetFromJsonAsync<JsonElement>($"/api/contracts/forms/{serial}"));
        var byDesigner = Contract(await fixture.DesignerOf(store).GetFromJsonAsync<JsonElement>($"/api/contracts/forms/{serial}"));
        var byAnotherDesigner = await fixture.As(StaffRoles.Designer, store, Guid.NewGuid(), Guid.NewGuid()).GetAsync($"/api/contracts/forms/{serial}");

        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, true), (byCm.GetProperty("amount").ValueKind, byCm.GetProperty("areaM2").ValueKind, byCm.GetProperty("figuresHidden").GetBoolean()));
        Assert.Equal((268000m, 118m), (byManager.GetProperty("amount").GetDecimal(), byManager.GetProperty("areaM2").GetDecimal()));
        Assert.Equal(268000m, byFinance.GetProperty("amount").GetDecimal());
        Assert.Equal(268000m, byDesigner.GetProperty("amount").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, byAnotherDesigner.StatusCode);
    }

    [Fact]
    public async Task A_move_the_form_is_not_ready_for_is_a_conflict_and_changes_nothing()
    {
        var store = await fixture.StoreAsync();
        var serial = Serial();
        await fixture.ReceiveAsync(store, serial, serial);

        var approve = await fixture.StoreManagerOf(store).PostAsJsonAsync($"/api/contracts/forms/{serial}/approve", new { });
        var report = await fixture.CustomerManagerOf(store).PostAsJsonAsync($"/api/contracts/forms/{serial}/report", new { financeUserId = store.Finance });

        foreach (var refused in new[] { approve, report })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("invalid-transition", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
        var custody = await fixture.CustomerManagerOf(store).GetFromJsonAsync<JsonElement>($"/api/contracts/forms/{serial}/custody");
        Assert.Equal(["Received"], custody.GetProperty("moves").EnumerateArray().Select(m => m.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task A_serial_exists_once_in_the_chain()
    {
        var store = await fixture.StoreAsync();
        var other = await fixture.StoreAsync();
        var prefix = $"DX{Random.Shared.Next(10, 99)}-";
        var number = Random.Shared.Next(10_000, 90_000);
        await fixture.ReceiveAsync(store, $"{prefix}{number}", $"{prefix}{number + 4}");

        var overlapping = await fixture.CustomerManagerOf(other).PostAsJsonAsync("/api/contracts/forms/receive", new { fromSerial = $"{prefix}{number + 3}", toSerial = $"{prefix}{number + 9}" });

        Assert.Equal(HttpStatusCode.Conflict, overlapping.StatusCode);
        var problem = await overlapping.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("duplicate-serial", problem.GetProperty("code").GetString());
        Assert.Equal([$"{prefix}{number + 3}", $"{prefix}{number + 4}"], problem.GetProperty("serials").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(0, await fixture.InDatabase(db => db.Forms.CountAsync(f => f.StoreId == other.StoreId)));
    }

    [Fact]
    public async Task Another_stores_form_does_not_exist_for_a_store_user()
    {
        var store = await fixture.StoreAsync();
        var other = await fixture.StoreAsync();
        var serial = Serial();
        await fixture.ReceiveAsync(store, serial, serial);

        var read = await fixture.CustomerManagerOf(other).GetAsync($"/api/contracts/forms/{serial}/custody");
        var issue = await fixture.CustomerManagerOf(other).PostAsJsonAsync($"/api/contracts/forms/{serial}/issue", new { designerId = other.DesignerId, customerId = other.Customer });

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { read.StatusCode, issue.StatusCode });
        Assert.Equal("InStock", (await fixture.CustomerManagerOf(store).GetFromJsonAsync<JsonElement>($"/api/contracts/forms/{serial}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_ledger_cannot_be_changed_or_deleted_in_the_database()
    {
        var store = await fixture.StoreAsync();
        var serial = Serial();
        await fixture.ReceiveAsync(store, serial, serial);

        var update = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => fixture.InDatabase(db =>
            db.Database.ExecuteSqlAsync($"""UPDATE "CustodyEntries" SET "Purpose" = 'changed' WHERE "Serial" = {serial}""")));
        var delete = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => fixture.InDatabase(db =>
            db.Database.ExecuteSqlAsync($"""DELETE FROM "CustodyEntries" WHERE "Serial" = {serial}""")));

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
        Assert.Equal(1, await fixture.InDatabase(db => db.Custody.CountAsync(e => e.Serial == serial)));
    }
}
