using Crm.Reports.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Reports.Tests;

/// <summary>The morning meeting of 20 November 2026 for one store, on a fixed data set worked out by hand.</summary>
public sealed class MorningMeetingTests : IAsyncLifetime
{
    private ServiceFactory<Program> _service = null!;
    private readonly Guid _store = Guid.CreateVersion7();
    private readonly string _prefix = "M" + Random.Shared.Next(1000, 9999) + "-";
    /// <summary>Registrations, completeness changes and milestones, applied as their consumers apply them.</summary>
    private readonly List<object> _events = [];

    public async Task InitializeAsync()
    {
        _service = await ServiceFactory<Program>.StartAsync("reportdb");
        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportDbContext>();
        db.Stores.Add(StoreCopy.From<StoreCopy>(new StoreOpened { StoreId = _store, Code = "MM" + Random.Shared.Next(10, 99), Name = "晨会店", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow.AddYears(-2) }));
        var (d1, d2, d3) = (Designer(db, 1, "陈一"), Designer(db, 2, "王二"), Designer(db, 3, "李三"));
        Duty(db, d2, "王二", "2026-11-20", onDuty: false);
        Duty(db, d3, "李三", "2026-11-20", onDuty: true);
        Duty(db, d1, "陈一", "2026-11-19", onDuty: false);                  // another day

        var m1 = Customer(1, "2026-11-19", (0.5m, "2026-11-19"));
        var m2 = Customer(2, "2026-11-10", (0.3m, "2026-11-10"));
        Milestone(m2, MilestoneType.DepositPaid, "2026-11-19", 10, CustomerStage.DepositPaid);
        var m3 = Customer(3, "2026-11-01", (0.6m, "2026-11-01"), (0.8m, "2026-11-21"));
        Milestone(m3, MilestoneType.DepositPaid, "2026-11-05", 10, CustomerStage.DepositPaid);
        Milestone(m3, MilestoneType.Measured, "2026-11-19", 10, CustomerStage.Measured);
        Milestone(m3, MilestoneType.Quoted, "2026-11-19", 15, CustomerStage.Quoted);
        var m4 = Customer(4, "2026-11-01");
        Milestone(m4, MilestoneType.DrawingsIssued, "2026-11-19", 10, CustomerStage.DrawingsIssued);
        Milestone(m4, MilestoneType.Quoted, "2026-11-19", 15, CustomerStage.Quoted);
        var m5 = Customer(5, "2026-11-01");
        Milestone(m5, MilestoneType.ContractSigned, "2026-11-19", 10, CustomerStage.ContractSigned);
        Milestone(m5, MilestoneType.Reviewed, "2026-11-20", 10, CustomerStage.Reviewed);
        var m6 = Customer(6, "2026-11-01");
        Milestone(m6, MilestoneType.DesignFeePaid, "2026-11-21", 10, CustomerStage.DesignFeePaid);  // after the day
        Customer(7, "2026-11-21", (0.9m, "2026-11-21"));                                           // registered after the day
        var m8 = Customer(8, "2026-11-02");
        Milestone(m8, MilestoneType.Lost, "2026-11-10", 10, CustomerStage.Lost);

        Problem(db, m1, "p1", "2026-11-18T10:00", "2026-11-19", resolved: null);
        Problem(db, m2, "p2", "2026-11-19T10:00", "2026-11-20", resolved: "2026-11-20T10:00");
        Problem(db, m3, "p3", "2026-11-20T10:00", "2026-11-21", resolved: "2026-11-21T09:00");
        Problem(db, m4, "p4", "2026-11-21T10:00", "2026-11-22", resolved: null);

        var (wang, li) = ((Guid.NewGuid(), "王芳"), (Guid.NewGuid(), "李静"));
        Task(db, m1, "2026-11-20", "2026-11-18T10:00", wang);                                          // due on the day
        Task(db, m1, "2026-11-18", "2026-11-16T10:00", wang);                                          // overdue
        Task(db, m2, "2026-11-19", "2026-11-17T10:00", wang, endedAt: "2026-11-20T15:00");             // done on the day
        Task(db, m2, "2026-11-19", "2026-11-17T10:00", wang, reassigned: ("2026-11-20T12:00", li));   // overdue, 李静's since noon
        Task(db, m3, "2026-11-21", "2026-11-19T10:00", li);                                            // due after the day
        Task(db, m3, "2026-11-20", "2026-11-21T08:00", li);                                            // made after the day
        Task(db, m4, "2026-11-15", "2026-11-10T10:00", wang, endedAt: "2026-11-21T09:00");             // overdue, done only the next morning
        Task(db, m4, "2026-11-20", "2026-11-18T10:00", li, reassigned: ("2026-11-21T10:00", wang));   // due on the day, 王芳's only the next day

        Form(db, "F1", ("2026-11-10T10:00", "Issued", "2026-11-17T10:00", null, false));
        Form(db, "F2", ("2026-11-12T10:00", "Issued", "2026-11-19T10:00", null, false), ("2026-11-18T10:00", "Retrieved", null, null, false));
        Form(db, "F3", ("2026-11-15T10:00", "Issued", "2026-11-22T10:00", null, false));
        Form(db, "F4", ("2026-11-19T10:00", "Retrieved", null, null, false), ("2026-11-19T11:00", "Retrieved", null, "2026-11-20T12:00", false));
        Form(db, "F5", ("2026-11-19T16:00", "Lost", null, null, true));
        Form(db, "F6", ("2026-11-01T10:00", "Issued", "2026-11-08T10:00", null, false), ("2026-11-21T09:00", "Retrieved", null, null, false));
        await db.SaveChangesAsync();
        foreach (var e in _events) await ReadModel.ApplyAsync(_service.Services, e);
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task The_meeting_gives_attendance_the_stage_list_the_open_problems_and_completeness()
    {
        var meeting = await _service.ClientAs("StoreManager", _store).GetFromJsonAsync<JsonElement>("/api/reports/morning-meeting?date=2026-11-20");

        Assert.Equal(["陈一", "李三"], meeting.GetProperty("attendance").GetProperty("onDuty").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["王二"], meeting.GetProperty("attendance").GetProperty("absent").EnumerateArray().Select(n => n.GetString()));
        // Yesterday (19 Nov): m1 new; m2 deposit; m3 measured; m3 and m4 drawings or quote (each once); m5 signed.
        // Standing at the end of 20 Nov: new m1 and m6 (its fee came on the 21st); deposit m2; quoted m3 and m4; signed m5 (reviewed).
        // m7 came later; m8 is lost.
        Assert.Equal([("New", 1, 2), ("DepositPaid", 1, 1), ("Measured", 1, 0), ("DesignFeePaid", 0, 0), ("DrawingsIssuedOrQuoted", 2, 2), ("Signed", 1, 1)],
            meeting.GetProperty("stages").EnumerateArray().Select(s => (s.GetProperty("stage").GetString(), s.GetProperty("yesterday").GetInt32(), s.GetProperty("now").GetInt32())));
        // Open at the end of the day: p1 (overdue since the 19th) and p3 (resolved only on the 21st); p2 was resolved that morning, p4 came later.
        Assert.Equal([("p1", true), ("p3", false)],
            meeting.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("what").GetString(), p.GetProperty("overdue").GetBoolean())));
        Assert.Equal(_prefix + "1", meeting.GetProperty("problems")[0].GetProperty("customerNo").GetString());
        // m1 0.5, m2 0.3, m3 0.6 (its 0.8 came on the 21st): 1.4 / 3.
        Assert.Equal(0.4667m, meeting.GetProperty("completenessRate").GetDecimal());
    }

    [Fact]
    public async Task The_meeting_counts_each_customer_managers_follow_ups_and_lists_the_form_alerts_as_the_day_ended()
    {
        var meeting = await _service.ClientAs("StoreManager", _store).GetFromJsonAsync<JsonElement>("/api/reports/morning-meeting?date=2026-11-20");

        // 李静: the reassigned overdue task (since noon) and the one due that day (hers until the 21st). 王芳: one due, two overdue.
        Assert.Equal([("李静", 1, 1), ("王芳", 1, 2)], meeting.GetProperty("followUps").EnumerateArray()
            .Select(a => (a.GetProperty("assigneeName").GetString(), a.GetProperty("dueToday").GetInt32(), a.GetProperty("overdue").GetInt32())));
        // F6 and F1 not retrieved in time, F5 lost, F4 not back by noon on the 20th; F2 retrieved, F3 not due yet.
        Assert.Equal([("NotRetrieved", "F6", Local("2026-11-08T10:00")), ("NotRetrieved", "F1", Local("2026-11-17T10:00")), ("Lost", "F5", Local("2026-11-19T16:00")),
                ("ReturnOverdue", "F4", Local("2026-11-20T12:00"))],
            meeting.GetProperty("formAlerts").EnumerateArray().Select(a => (a.GetProperty("kind").GetString(), a.GetProperty("serial").GetString()![_prefix.Length..], a.GetProperty("since").GetDateTimeOffset())));
    }

    [Fact]
    public async Task A_chain_admin_names_the_store_and_another_stores_meeting_does_not_exist()
    {
        var noStore = await _service.ClientAs("ChainAdmin").GetAsync("/api/reports/morning-meeting?date=2026-11-20");
        var other = await _service.ClientAs("StoreManager", Guid.NewGuid()).GetAsync($"/api/reports/morning-meeting?storeId={_store}&date=2026-11-20");
        var sheet = await _service.ClientAs("ChainAdmin").GetAsync($"/api/reports/morning-meeting?storeId={_store}&date=2026-11-20&format=xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, noStore.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(await sheet.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(("客户资源 Stages", "出图/报价 Drawings or quote", 2d, 2d),
            ((string)rows[4]["部分 Section"]!, (string)rows[4]["项目 Item"]!, (double)rows[4]["昨日/今日到期 Yesterday/Due today"]!, (double)rows[4]["当前/逾期 Now/Overdue"]!));
        Assert.Equal(("回访 Follow-ups", "王芳", 1d, 2d), rows.Where(r => (string)r["部分 Section"]! == "回访 Follow-ups")
            .Select(r => ((string)r["部分 Section"]!, (string)r["项目 Item"]!, (double)r["昨日/今日到期 Yesterday/Due today"]!, (double)r["当前/逾期 Now/Overdue"]!)).Last());
        Assert.Equal(["F6", "F1", "F5", "F4"], rows.Where(r => (string)r["部分 Section"]! == "合同文本预警 Form alerts").Select(r => ((string)r["项目 Item"]!)[_prefix.Length..]));
        Assert.Equal(("完整率 Completeness", 0.4667d), ((string)rows[^1]["部分 Section"]!, (double)rows[^1]["当前/逾期 Now/Overdue"]!));
    }

    [Fact]
    public void A_later_attendance_record_of_the_day_wins_and_an_older_one_arriving_late_changes_nothing()
    {
        DutyRecorded Recorded(bool onDuty, int minute) => new()
        {
            StoreId = _store, DesignerId = Guid.Empty, DesignerName = "陈一", Day = new DateOnly(2026, 11, 20), OnDuty = onDuty, RecordedBy = "店长",
            RecordedAt = new DateTimeOffset(2026, 11, 20, 1, minute, 0, TimeSpan.Zero),
        };
        var duty = DutyFact.From(Recorded(onDuty: false, minute: 10));

        duty.Apply(Recorded(onDuty: true, minute: 5));
        Assert.False(duty.OnDuty);
        duty.Apply(Recorded(onDuty: true, minute: 20));
        Assert.True(duty.OnDuty);
    }

    /// <summary>A task as its events leave it: made for an assignee, perhaps given to another, perhaps ended.</summary>
    private void Task(ReportDbContext db, Guid customer, string dueOn, string createdAt, (Guid Id, string Name) assignee,
        string? endedAt = null, (string At, (Guid Id, string Name) To)? reassigned = null)
    {
        var made = new FollowUpTaskChanged
        {
            StoreId = _store, CustomerId = customer, TaskId = Guid.CreateVersion7(), Kind = "NextFollowUp", DueOn = DateOnly.Parse(dueOn),
            AssigneeId = assignee.Id, AssigneeName = assignee.Name, CreatedAt = Local(createdAt), At = Local(createdAt),
        };
        var task = TaskFact.From(made);
        db.Tasks.Add(task);
        db.TaskAssignees.Add(TaskAssigneeFact.From(made));
        if (reassigned is { } r)
            db.TaskAssignees.Add(TaskAssigneeFact.From(made with { AssigneeId = r.To.Id, AssigneeName = r.To.Name, At = Local(r.At) }));
        if (endedAt is not null) task.Apply(made with { EndedAt = Local(endedAt), At = Local(endedAt) });
    }

    /// <summary>A form's moves: when, its state after, retrieve-by, return-by, lost.</summary>
    private void Form(ReportDbContext db, string serial, params (string At, string State, string? RetrieveBy, string? ReturnBy, bool Lost)[] moves)
    {
        foreach (var move in moves)
            db.FormVersions.Add(FormVersionFact.From(new ContractFormMoved
            {
                StoreId = _store, Serial = _prefix + serial, Action = move.State, State = move.State, HolderName = "王芳", DesignerName = "陈一",
                RetrieveBy = move.RetrieveBy is null ? null : Local(move.RetrieveBy), ReturnBy = move.ReturnBy is null ? null : Local(move.ReturnBy),
                Lost = move.Lost, At = Local(move.At),
            }));
    }

    private static DateTimeOffset Local(string dayAndTime) => new(DateTime.Parse(dayAndTime), TimeSpan.FromHours(8));

    private Guid Designer(ReportDbContext db, int roster, string name)
    {
        var id = Guid.NewGuid();
        db.Designers.Add(DesignerFact.From(new DesignerJoined { StoreId = _store, DesignerId = id, Name = name, Level = DesignerLevel.Designer, RosterNumber = roster }));
        return id;
    }

    private void Duty(ReportDbContext db, Guid designer, string name, string day, bool onDuty) => db.Duties.Add(DutyFact.From(new DutyRecorded
    {
        StoreId = _store, DesignerId = designer, DesignerName = name, Day = DateOnly.Parse(day), OnDuty = onDuty, RecordedBy = "店长", RecordedAt = Local(day + "T08:30"),
    }));

    private Guid Customer(int number, string registeredOn, params (decimal Rate, string On)[] completeness)
    {
        var id = Guid.CreateVersion7();
        _events.Add(new CustomerRegistered
        {
            StoreId = _store, CustomerId = id, CustomerNo = _prefix + number, Source = CustomerSource.WalkIn, RegisteredAt = Local(registeredOn + "T09:00"),
            Completeness = completeness.Length == 0 ? null : completeness[0].Rate,
        });
        foreach (var (rate, on) in completeness.Skip(1))
            _events.Add(new CustomerDetailsChanged { StoreId = _store, CustomerId = id, Fields = ["address"], ChangedAt = Local(on + "T09:00"), Completeness = rate });
        return id;
    }

    private void Milestone(Guid customer, MilestoneType type, string day, int hour, CustomerStage stage) => _events.Add(new MilestoneRecorded
    {
        StoreId = _store, CustomerId = customer, MilestoneId = Guid.CreateVersion7(), Type = type, At = Local($"{day}T{hour:D2}:00"), Stage = stage, RecordedBy = "test",
    });

    private void Problem(ReportDbContext db, Guid customer, string what, string raisedAt, string dueOn, string? resolved)
    {
        var problem = ProblemFact.From(new CustomerProblemRaised
        {
            StoreId = _store, CustomerId = customer, ProblemId = Guid.CreateVersion7(), DesignerId = Guid.NewGuid(), DesignerName = "陈一", What = what,
            DueOn = DateOnly.Parse(dueOn), RaisedBy = "王芳", RaisedAt = Local(raisedAt),
        });
        if (resolved is not null) problem.Resolved(Local(resolved));
        db.Problems.Add(problem);
    }
}
