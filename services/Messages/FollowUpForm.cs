using System.Text.Json.Serialization;

namespace Crm.Messages;

/// <summary>How a follow-up (回访) reached the customer (domain.md §4).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FollowUpForm>))]
public enum FollowUpForm
{
    Phone,
    HomeVisit,
    SiteVisit,
    InStore,
    Online,
}
