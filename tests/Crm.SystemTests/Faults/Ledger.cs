using System.Collections.Concurrent;

namespace Crm.SystemTests.Faults;

/// <summary>
/// What the workload asked for, and which requests the system acknowledged (2xx): the fault tests
/// count the effects against it. Every request carries its own tag — a phone number, a form serial,
/// a follow-up's text — so its effects can be found whatever else the installation holds.
/// </summary>
public sealed class Ledger
{
    public Ledger()
    {
        // 199 (a mobile network's prefix) + 4 digits for this run + 4 digits per registration.
        PhonePrefix = $"199{Random.Shared.Next(0, 9_999):D4}";
        SerialPrefix = $"FT{Random.Shared.Next(0, 999_999):D6}-";
        FollowUpPrefix = $"故障回访 {Guid.NewGuid():N} ";
    }

    public string PhonePrefix { get; }
    public string SerialPrefix { get; }
    public string FollowUpPrefix { get; }

    /// <summary>Phones sent for registration; the customer's id when acknowledged.</summary>
    public ConcurrentDictionary<string, Guid?> Registrations { get; } = new();
    /// <summary>Customers whose Measured milestone was sent; true when acknowledged.</summary>
    public ConcurrentDictionary<Guid, bool> Milestones { get; } = new();
    /// <summary>Follow-up tags sent, with their customer; the record's id when acknowledged.</summary>
    public ConcurrentDictionary<string, (Guid Customer, Guid? Record)> FollowUps { get; } = new();
    /// <summary>Form serials sent: whether receiving and issuing them were acknowledged.</summary>
    public ConcurrentDictionary<string, (bool Received, bool Issued)> Forms { get; } = new();
    /// <summary>Answers by status (0: no answer), for the report.</summary>
    public ConcurrentDictionary<int, int> Answers { get; } = new();

    private int _sequence;

    public int NextNumber() => Interlocked.Increment(ref _sequence);

    public IEnumerable<Guid> AcknowledgedCustomers => Registrations.Values.OfType<Guid>();

    /// <summary>Waits until at least <paramref name="count"/> registrations are acknowledged; the timeout says what was done so far.</summary>
    public async Task AcknowledgedAsync(int count, TimeSpan patience)
    {
        try
        {
            await Eventually.Holds(() => AcknowledgedCustomers.Count() >= count, patience, $"{count} acknowledged registrations");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} So far: {Summary()}.", ex);
        }
    }

    public string Summary() =>
        $"{Registrations.Count} registrations sent ({AcknowledgedCustomers.Count()} acknowledged), " +
        $"{Milestones.Count} milestones ({Milestones.Values.Count(a => a)}), {FollowUps.Count} follow-ups ({FollowUps.Values.Count(f => f.Record is not null)}), " +
        $"{Forms.Count} forms received ({Forms.Values.Count(f => f.Received)}) and issued ({Forms.Values.Count(f => f.Issued)}); answers: " +
        string.Join(", ", Answers.OrderBy(a => a.Key).Select(a => $"{(a.Key == 0 ? "none" : a.Key.ToString())}×{a.Value}"));
}
