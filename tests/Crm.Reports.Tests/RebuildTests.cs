using Crm.Messaging;
using Crm.Reports.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Reports.Tests;

/// <summary>
/// The read model rebuilt by replay answers exactly as the one built live. A replay interleaves the archives of
/// several services, so the rebuilt one gets the same history in the worst order: every event before the one it
/// belongs to.
/// </summary>
public sealed class RebuildTests : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly Guid _store = Guid.CreateVersion7();
    private readonly (Guid A, Guid B, Guid C) _customers = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
    private readonly (Guid Chen, Guid Li) _designers = (Guid.CreateVersion7(), Guid.CreateVersion7());
    private readonly Guid _problem = Guid.CreateVersion7();
    private readonly (Guid OfB, Guid Duplicate) _leads = (Guid.CreateVersion7(), Guid.CreateVersion7());
    private ServiceFactory<Program> _live = null!;

    public async Task InitializeAsync()
    {
        _live = await ServiceFactory<Program>.StartAsync("reportdb");
        await _live.BusReadyAsync();
    }

    public async Task DisposeAsync() => await _live.DisposeAsync();

    [Fact]
    public async Task Replaying_the_history_in_the_worst_order_rebuilds_the_same_answers()
    {
        var history = History();
        var bus = _live.Services.GetRequiredService<IBus>();
        foreach (var (id, message) in history)
            await bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context => context.MessageId = id));
        await AllAppliedAsync(_live, history);

        var urls = new[]
        {
            "/api/reports/customer-resources?from=2026-11-01&to=2026-11-30&by=designer",
            "/api/reports/stale-customers?asOf=2026-11-21",
            "/api/reports/morning-meeting?date=2026-11-21",
            "/api/reports/reconciliation?from=2026-11-01&to=2026-11-30&asOf=2026-11-30",
        };
        var live = await AnswersAsync(_live, urls);
        // The live answers are the hand-worked ones, so that equal answers below are right answers.
        var figures = JsonDocument.Parse(live[0]).RootElement;
        var total = figures.GetProperty("total");
        Assert.Equal((2, 2, 3000m, 1, 120000m), (total.GetProperty("newRegistered").GetInt32(), total.GetProperty("deposits").GetInt32(),
            total.GetProperty("depositAmount").GetDecimal(), total.GetProperty("signedCount").GetInt32(), total.GetProperty("signedAmount").GetDecimal()));
        // B was dispatched to 陈 and then to 李 before paying: the deposit is 李's.
        var byDesigner = figures.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("designerId").GetGuid(), r => r.GetProperty("figures").GetProperty("depositAmount").GetDecimal());
        Assert.Equal(2000m, byDesigner[_designers.Chen]);
        Assert.Equal(1000m, byDesigner[_designers.Li]);
        var stale = JsonDocument.Parse(live[1]).RootElement.GetProperty("keyAttention").EnumerateArray().Single();
        Assert.Equal(("李设计", "吴顾问", true), (stale.GetProperty("designerName").GetString(), stale.GetProperty("consultantName").GetString(), stale.GetProperty("keyAttention").GetBoolean()));
        var meeting = JsonDocument.Parse(live[2]).RootElement;
        Assert.Equal(["李设计"], meeting.GetProperty("attendance").GetProperty("absent").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(_problem, meeting.GetProperty("problems").EnumerateArray().Single().GetProperty("problemId").GetGuid());
        // Marketing supplied B's lead (registered, met at the store) and a duplicate.
        var marketing = JsonDocument.Parse(live[3]).RootElement.GetProperty("rows").EnumerateArray().Single();
        Assert.Equal([2, 1, 1, 1, 0, 0], new[] { "supplied", "duplicates", "registered", "met", "measured", "signed" }.Select(f => marketing.GetProperty(f).GetInt32()));

        await using var rebuilt = await ServiceFactory<Program>.StartAsync("reportdb");
        await rebuilt.BusReadyAsync();
        var replay = await rebuilt.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{rebuilt.QueuePrefix}-replay"));
        foreach (var (id, message) in Enumerable.Reverse(history))
            await replay.Send(message, message.GetType(), Pipe.Execute<SendContext>(context => context.MessageId = id));
        await AllAppliedAsync(rebuilt, history);

        var answers = await AnswersAsync(rebuilt, urls);
        for (var i = 0; i < urls.Length; i++) Assert.Equal(live[i], answers[i]);
        string[] keys = [WaitKey.Store(_store), WaitKey.Customer(_customers.A), WaitKey.Customer(_customers.B), WaitKey.Customer(_customers.C), WaitKey.Problem(_problem)];
        Assert.Equal(0, await InDatabase(rebuilt, db => db.WaitingEvents.CountAsync(w => keys.Contains(w.WaitsFor))));
    }

    /// <summary>The store's history, in the order it happened, each event with its message id.</summary>
    private List<(Guid Id, object Message)> History()
    {
        var (a, b, c) = _customers;
        var (chen, li) = _designers;
        object[] events =
        [
            new StoreOpened { StoreId = _store, Code = "RB" + Random.Shared.Next(10, 99), Name = "重建店", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = At(2026, 1, 1, 9) },
            new DesignerJoined { StoreId = _store, DesignerId = chen, Name = "陈设计", Level = DesignerLevel.Senior, RosterNumber = 1 },
            new DesignerJoined { StoreId = _store, DesignerId = li, Name = "李设计", Level = DesignerLevel.Designer, RosterNumber = 2 },
            Registered(c, CustomerSource.Phone, At(2026, 7, 1, 10), 0.4m),
            Dispatched(c, li, "李设计", At(2026, 7, 2, 10)),
            new ConsultantNamed { StoreId = _store, CustomerId = c, ConsultantName = "周顾问", NamedBy = "店长", At = At(2026, 7, 3, 10) },
            Milestone(c, MilestoneType.Measured, At(2026, 8, 1, 10), CustomerStage.Measured),
            new ConsultantNamed { StoreId = _store, CustomerId = c, ConsultantName = "吴顾问", NamedBy = "店长", At = At(2026, 8, 3, 10) },
            Milestone(c, MilestoneType.DesignFeePaid, At(2026, 9, 1, 10), CustomerStage.DesignFeePaid, 5000m),
            new FollowUpRecorded { StoreId = _store, CustomerId = c, FollowUpId = Guid.CreateVersion7(), Form = FollowUpForm.Phone, At = At(2026, 10, 15, 10), Summary = "再约", RecordedBy = "王芳" },
            Registered(a, CustomerSource.WalkIn, At(2026, 11, 2, 10), 0.5m),
            Dispatched(a, chen, "陈设计", At(2026, 11, 2, 11)),
            Lead(_leads.OfB, "王五", At(2026, 11, 3, 9)),
            Registered(b, CustomerSource.Marketing, At(2026, 11, 3, 10), 0.6m) with { LeadId = _leads.OfB },
            new CustomerMet { StoreId = _store, CustomerId = b, MetAt = At(2026, 11, 4, 10) },
            Lead(_leads.Duplicate, "赵六", At(2026, 11, 8, 9)),
            new LeadDuplicateFound { StoreId = _store, LeadId = _leads.Duplicate, FoundAt = At(2026, 11, 8, 9) },
            Dispatched(b, chen, "陈设计", At(2026, 11, 3, 11)),
            Dispatched(b, li, "李设计", At(2026, 11, 4, 11)),
            Milestone(a, MilestoneType.DepositPaid, At(2026, 11, 5, 10), CustomerStage.DepositPaid, 2000m, DepositKind.Measurement),
            Milestone(b, MilestoneType.DepositPaid, At(2026, 11, 6, 10), CustomerStage.DepositPaid, 1000m, DepositKind.Promotion),
            new CustomerDetailsChanged { StoreId = _store, CustomerId = b, Fields = ["address"], ChangedAt = At(2026, 11, 7, 10), Completeness = 0.9m },
            Milestone(a, MilestoneType.Measured, At(2026, 11, 10, 10), CustomerStage.Measured),
            Milestone(a, MilestoneType.ContractSigned, At(2026, 11, 20, 10), CustomerStage.ContractSigned, 120000m, area: 100m),
            new CustomerProblemRaised
            {
                StoreId = _store, CustomerId = a, ProblemId = _problem, DesignerId = chen, DesignerName = "陈设计", What = "图纸改动", DueOn = new DateOnly(2026, 11, 21),
                RaisedBy = "王芳", RaisedAt = At(2026, 11, 20, 15),
            },
            new DutyRecorded { StoreId = _store, DesignerId = li, DesignerName = "李设计", Day = new DateOnly(2026, 11, 21), OnDuty = false, RecordedBy = "店长", RecordedAt = At(2026, 11, 21, 8) },
            new CustomerProblemResolved { StoreId = _store, CustomerId = a, ProblemId = _problem, Resolution = "已改", ResolvedBy = "陈设计", ResolvedAt = At(2026, 11, 22, 10) },
        ];
        return events.Select(e => (Guid.NewGuid(), e)).ToList();
    }

    private static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, Shanghai);

    private CustomerRegistered Registered(Guid customer, CustomerSource source, DateTimeOffset at, decimal completeness) => new()
    {
        StoreId = _store, CustomerId = customer, CustomerNo = "RB-" + Random.Shared.Next(100_000, 999_999), Source = source, RegisteredAt = at, Completeness = completeness,
    };

    private LeadReceived Lead(Guid lead, string name, DateTimeOffset at) => new()
    {
        StoreId = _store, LeadId = lead, Source = CustomerSource.Marketing, SupplierName = "Marketing", ExternalId = name, ReceivedAt = at, Name = name, Phone = "+8613900000000",
    };

    private CustomerDispatched Dispatched(Guid customer, Guid designer, string name, DateTimeOffset at) => new()
    {
        StoreId = _store, CustomerId = customer, AssignmentId = Guid.CreateVersion7(), DesignerId = designer, DesignerName = name, DispatchedAt = at,
    };

    private MilestoneRecorded Milestone(Guid customer, MilestoneType type, DateTimeOffset at, CustomerStage stage, decimal? amount = null, DepositKind? kind = null, decimal? area = null) => new()
    {
        StoreId = _store, CustomerId = customer, MilestoneId = Guid.CreateVersion7(), Type = type, At = at, Stage = stage, Amount = amount, DepositKind = kind, AreaM2 = area, RecordedBy = "王芳",
    };

    private async Task<string[]> AnswersAsync(ServiceFactory<Program> service, string[] urls)
    {
        var client = service.ClientAs("StoreManager", _store);
        return await Task.WhenAll(urls.Select(url => client.GetStringAsync(url)));
    }

    private static Task AllAppliedAsync(ServiceFactory<Program> service, List<(Guid Id, object Message)> history)
    {
        var ids = history.Select(h => h.Id).ToList();
        return Eventually.Holds(async () => await InDatabase(service, db => db.InboxMessages.CountAsync(m => ids.Contains(m.MessageId))) == ids.Count,
            TimeSpan.FromSeconds(60), "every event of the history to be applied");
    }

    private static async Task<T> InDatabase<T>(ServiceFactory<Program> service, Func<ReportDbContext, Task<T>> read)
    {
        await using var scope = service.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ReportDbContext>());
    }
}
