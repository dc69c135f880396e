using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Crm.Customers.Consumers;

/// <summary>
/// A follow-up recorded by the follow-up service shows on the customer's timeline, and the changes of basic
/// information registered with it (变更登记) go to the change log with the follow-up as their reason. Changes the
/// rules of §1 refuse (a phone another customer holds, a value out of range) are not applied; the timeline says which
/// and why, so that the customer manager can correct them by hand.
/// </summary>
public sealed class FollowUpRecordedConsumer(CustomerDbContext db, DuplicatePhone duplicates, PhoneClaims claims, TimeProvider clock, IOptions<HttpJsonOptions> json)
    : IdempotentConsumer<FollowUpRecorded, CustomerDbContext>(db, clock)
{
    // A number changed: the new one claimed (given back if the change is not committed), the old one given up after.
    private (Guid CustomerId, string Old, string New, bool Taken)? _phoneChange;

    protected override async Task HandleAsync(FollowUpRecorded message, ConsumeContext<FollowUpRecorded> context)
    {
        var ct = context.CancellationToken;
        if (message.BasicInfoChanges is { ValueKind: JsonValueKind.Object })
            await Db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Customers" WHERE "Id" = {message.CustomerId} FOR UPDATE""", ct);
        var customer = await Db.KnownCustomerAsync(message.StoreId, message.CustomerId, ct);
        var intent = message.Intent is null ? "" : $" Intent: {message.Intent}.";
        Db.Notes.Add(CustomerNote.Record(customer, "FollowUp", message.At, $"Follow-up ({message.Form}): {message.Summary}{intent}", message.RecordedBy));
        if (message.BasicInfoChanges is { ValueKind: JsonValueKind.Object } changes) await ApplyAsync(customer, message, JsonObject.Create(changes)!, ct);
    }

    private async Task ApplyAsync(Customer customer, FollowUpRecorded message, JsonObject patch, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var details = CustomerPatch.Merge(CustomerDetails.From(customer.Name, customer.Phone, customer.Info, customer.SpecialRequest), patch, json.Value.SerializerOptions, errors);
        var (name, phone, info, specialRequest) = details is null ? default : details.Validate(errors);
        var refusal = errors.Any
            ? string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
            : phone != customer.Phone ? (await ClaimAsync(customer, phone, ct))?.Detail : null;
        var now = Clock.GetUtcNow();
        if (refusal is not null)
        {
            Db.Notes.Add(CustomerNote.Record(customer, "FollowUpChangesRefused", now, $"The changes registered with the follow-up were not applied: {refusal}", message.RecordedBy));
            return;
        }
        var store = await Db.Stores.AsNoTracking().SingleAsync(s => s.Id == customer.StoreId, ct);
        var reason = Reason($"Follow-up of {store.LocalTime(message.At)} ({message.Form}): {message.Summary}");
        var logged = customer.Change(name, phone, info, specialRequest, reason, message.RecordedById?.ToString() ?? message.RecordedBy, message.RecordedBy, now);
        Db.Changes.AddRange(logged);
        if (logged.Count > 0) Db.Publish(CustomerEvents.DetailsChanged(customer, logged, now), Clock);
    }

    private async Task<Violation?> ClaimAsync(Customer customer, string phone, CancellationToken ct)
    {
        var taken = false;
        var conflict = await duplicates.ClaimAsync(phone, customer.StoreId, customer.Id, t => taken |= t, ct);
        if (conflict is null) _phoneChange = (customer.Id, customer.Phone, phone, taken || _phoneChange?.Taken == true);
        return conflict;
    }

    protected override async Task CommittedAsync()
    {
        if (_phoneChange is { } change) await claims.ReleaseAsync(change.Old, change.CustomerId);
    }

    protected override async Task AbandonedAsync()
    {
        if (_phoneChange is { Taken: true } change) await claims.ReleaseAsync(change.New, change.CustomerId);
    }

    private static string Reason(string text) => text.Length <= MilestoneDraft.MaxReasonLength ? text : text[..(MilestoneDraft.MaxReasonLength - 1)] + "…";
}
