using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Customers.Tests.Api;

/// <summary>Leads from the partner service become customers AssignedToStore; a known phone is answered as a duplicate; meeting a lead is announced.</summary>
public sealed class LeadsTests(CustomerServiceFixture fixture) : IClassFixture<CustomerServiceFixture>
{
    private LeadReceived Lead(Guid store, string phone, bool duplicate = false) => new()
    {
        StoreId = store, LeadId = Guid.CreateVersion7(), Source = CustomerSource.Partner, PartnerId = Guid.CreateVersion7(), SupplierName = "安居客",
        ExternalId = "AJK-" + Guid.NewGuid().ToString("N")[..8], ReceivedAt = DateTimeOffset.UtcNow, Duplicate = duplicate, Name = "周女士", Phone = "+86" + phone,
        House = new House("绿地海域", null, 96m, null, HouseKind.New, null),
    };

    private Task<List<string>> AnnouncedAsync(string type) =>
        fixture.InDatabase(db => db.OutboxMessages.Where(m => m.MessageType.Contains(type)).Select(m => m.Body).ToListAsync());

    [Fact]
    public async Task A_lead_becomes_a_customer_assigned_to_the_store_and_is_met_by_its_first_visit()
    {
        await fixture.BusReadyAsync();
        var store = await fixture.OpenStoreAsync();
        var phone = CustomerServiceFixture.NewPhone();
        var lead = Lead(store, phone);

        await fixture.Service.Services.GetRequiredService<IBus>().Publish(lead);
        var customer = await Eventually.Returns(() => fixture.InDatabase(db => db.Customers.FirstOrDefaultAsync(c => c.LeadId == lead.LeadId)), TimeSpan.FromSeconds(30), "the lead's customer");

        Assert.Equal((CustomerSource.Partner, CustomerStage.AssignedToStore, "+86" + phone, "安居客", 96m),
            (customer.Source, customer.Stage, customer.Phone, customer.RegisteredByName, customer.Info.House!.AreaM2));
        var registered = Assert.Single(await AnnouncedAsync(nameof(CustomerRegistered)), b => b.Contains(lead.LeadId.ToString()));
        Assert.Contains("AssignedToStore", registered);

        var visit = await fixture.Admin.PostAsJsonAsync($"/api/customers/{customer.Id}/visits", new { channel = "WalkIn" });
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        await fixture.Admin.PostAsJsonAsync($"/api/customers/{customer.Id}/visits", new { channel = "Phone" });
        Assert.Single(await AnnouncedAsync(nameof(CustomerMet)), b => b.Contains(customer.Id.ToString()));
    }

    [Fact]
    public async Task A_lead_whose_phone_is_a_customer_is_a_duplicate_and_registers_nothing()
    {
        await fixture.BusReadyAsync();
        var store = await fixture.OpenStoreAsync();
        var phone = CustomerServiceFixture.NewPhone();
        await fixture.RegisterAsync(store, phone);
        var lead = Lead(store, phone);

        await fixture.Service.Services.GetRequiredService<IBus>().Publish(lead);

        await Eventually.Holds(async () => (await AnnouncedAsync(nameof(LeadDuplicateFound))).Any(b => b.Contains(lead.LeadId.ToString())), TimeSpan.FromSeconds(30), "the duplicate to be announced");
        Assert.Equal(1, await fixture.InDatabase(db => db.Customers.CountAsync(c => c.Phone == "+86" + phone)));
        Assert.False(await fixture.InDatabase(db => db.Customers.AnyAsync(c => c.LeadId == lead.LeadId)));
    }

    [Fact]
    public async Task A_lead_already_found_a_duplicate_by_the_partner_service_is_not_registered()
    {
        await fixture.BusReadyAsync();
        var store = await fixture.OpenStoreAsync();
        var duplicate = Lead(store, CustomerServiceFixture.NewPhone(), duplicate: true);
        var messageId = NewId.NextGuid();

        await fixture.Service.Services.GetRequiredService<IBus>().Publish(duplicate, context => context.MessageId = messageId);

        await Eventually.Holds(() => fixture.InDatabase(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId)), TimeSpan.FromSeconds(30), "the lead to be consumed");
        Assert.False(await fixture.InDatabase(db => db.Customers.AnyAsync(c => c.LeadId == duplicate.LeadId)));
    }
}
