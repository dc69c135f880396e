using System.Text.Json;

namespace Crm.Followups.Domain;

/// <summary>
/// The written record of a follow-up (domain.md §4): purpose, time, form, content, summary, who, the customer's
/// intent after it, and the next follow-up date; and the changes of the customer's basic information registered with
/// it, which the customer service logs with the record as their reason. Records are kept, never changed.
/// </summary>
public sealed class FollowUpRecord
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string CustomerNo { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public FollowUpForm Form { get; private set; }
    public string Content { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string? Intent { get; private set; }
    public DateTimeOffset? NextAt { get; private set; }
    /// <summary>The changes of basic information registered with the follow-up: a JSON merge patch, as sent.</summary>
    public string? BasicInfoChanges { get; private set; }
    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public sealed record Draft(string Purpose, DateTimeOffset At, FollowUpForm Form, string Content, string Summary, string? Intent, DateTimeOffset? NextAt, JsonElement? BasicInfoChanges = null);

    public static FollowUpRecord Write(FollowedCustomer customer, Draft draft, Guid byId, string byName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StoreId = customer.StoreId,
        CustomerId = customer.Id,
        CustomerNo = customer.CustomerNo,
        Purpose = draft.Purpose,
        At = draft.At,
        Form = draft.Form,
        Content = draft.Content,
        Summary = draft.Summary,
        Intent = draft.Intent,
        NextAt = draft.NextAt,
        BasicInfoChanges = draft.BasicInfoChanges?.GetRawText(),
        RecordedById = byId,
        RecordedByName = byName,
        RecordedAt = now,
    };

    public FollowUpRecorded ToEvent() => new()
    {
        StoreId = StoreId, CustomerId = CustomerId, FollowUpId = Id, Form = Form, At = At, Purpose = Purpose, Content = Content,
        Summary = Summary, Intent = Intent, NextAt = NextAt, RecordedBy = RecordedByName,
        RecordedById = RecordedById == Guid.Empty ? null : RecordedById, BasicInfoChanges = Changes,
    };

    public JsonElement? Changes => BasicInfoChanges is null ? null : JsonDocument.Parse(BasicInfoChanges).RootElement.Clone();

    /// <summary>
    /// The next follow-up the record sets, due on the store-local day of its next date; it replaces an open one of
    /// the same kind (never two open tasks of one kind).
    /// </summary>
    public FollowUpTask? NextTask(FollowupStore store, FollowedCustomer customer, IEnumerable<FollowUpTask> open, DateTimeOffset now)
    {
        if (NextAt is not { } next) return null;
        foreach (var earlier in open.Where(t => t.IsOpen && t.Kind == FollowUpTaskKind.NextFollowUp))
            earlier.Close($"Replaced by the next date of the follow-up of {store.LocalTime(At)}.", now);
        return FollowUpTask.For(customer, FollowUpTaskKind.NextFollowUp, store.LocalDate(next), $"Next follow-up set by {RecordedByName}: {Summary}", now);
    }
}
