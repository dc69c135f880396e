namespace Crm.Followups.Tests.Domain;

/// <summary>Who follows a customer up, reassignment, and customer problems (domain.md §4, issue: follow-ups).</summary>
public sealed class AssigneeAndProblemTests
{
    private static readonly Guid Store = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static StaffCopy Staff(string name, string role, Guid? store, bool active = true) => StaffCopy.From(new StaffAccountOpened
    {
        UserId = Guid.NewGuid(), Username = name, DisplayName = name, Role = role, StoreId = store, Active = active, At = Now,
    });

    private static FollowedCustomer Customer(CustomerSource source = CustomerSource.WalkIn, (Guid?, string?) assignee = default) => FollowedCustomer.From(new CustomerRegistered
    {
        StoreId = Store, CustomerId = Guid.NewGuid(), CustomerNo = "SH01-2026-000001", Source = source, RegisteredAt = Now.AddDays(-5),
    }, Today.AddDays(-5), assignee);

    [Fact]
    public void A_walk_in_is_followed_by_the_staff_member_who_registered_it()
    {
        var wang = Staff("王芳", StaffRoles.CustomerManager, Store);
        var li = Staff("李娜", StaffRoles.CustomerManager, Store);

        Assert.Equal((wang.Id, "王芳"), TaskAssignee.For(Store, cameAsLead: false, wang.Id, "王芳", wang, li));
        // The copy of the account not arrived yet: the registration's own word is taken.
        Assert.Equal((wang.Id, "王芳"), TaskAssignee.For(Store, cameAsLead: false, wang.Id, "王芳", null, li));
    }

    [Fact]
    public void A_lead_from_marketing_or_a_partner_goes_to_the_stores_customer_manager()
    {
        var marketing = Staff("市场部", StaffRoles.Marketing, null);
        var li = Staff("李娜", StaffRoles.CustomerManager, Store);

        Assert.Equal((li.Id, "李娜"), TaskAssignee.For(Store, cameAsLead: true, marketing.Id, "市场部", marketing, li));
        Assert.Equal((li.Id, "李娜"), TaskAssignee.For(Store, cameAsLead: true, Guid.NewGuid(), "partner", null, li));
        Assert.Equal((null, null), TaskAssignee.For(Store, cameAsLead: true, marketing.Id, "市场部", marketing, null));
    }

    [Fact]
    public void A_registrant_of_another_store_or_disabled_hands_over_to_the_customer_manager()
    {
        var elsewhere = Staff("张伟", StaffRoles.CustomerManager, Guid.NewGuid());
        var gone = Staff("赵敏", StaffRoles.CustomerManager, Store, active: false);
        var li = Staff("李娜", StaffRoles.CustomerManager, Store);

        Assert.Equal((li.Id, "李娜"), TaskAssignee.For(Store, cameAsLead: false, elsewhere.Id, "张伟", elsewhere, li));
        Assert.Equal((li.Id, "李娜"), TaskAssignee.For(Store, cameAsLead: false, gone.Id, "赵敏", gone, li));
    }

    [Fact]
    public void A_reassignment_moves_the_customer_and_their_open_tasks_and_keeps_who_why_and_when()
    {
        var wang = Guid.NewGuid();
        var customer = Customer(assignee: (wang, "王芳"));
        var open = FollowUpTask.For(customer, FollowUpTaskKind.NextFollowUp, Today, "call", Now);
        var li = Staff("李娜", StaffRoles.CustomerManager, Store);

        var made = Reassignment.Make(customer, li, "王芳休产假", [open], "店长", Now);

        Assert.True(made.Succeeded);
        Assert.Equal((wang, "王芳", li.Id, "李娜", "王芳休产假", 1, "店长", Now),
            (made.Value.FromId, made.Value.FromName, made.Value.ToId, made.Value.ToName, made.Value.Reason, made.Value.TasksMoved, made.Value.By, made.Value.At));
        Assert.Equal((li.Id, "李娜"), (customer.AssigneeId, customer.AssigneeName));
        Assert.Equal((li.Id, "李娜"), (open.AssigneeId, open.AssigneeName));
    }

    [Fact]
    public void A_reassignment_to_someone_outside_the_store_is_refused_and_changes_nothing()
    {
        var wang = Guid.NewGuid();
        var customer = Customer(assignee: (wang, "王芳"));

        var refused = Reassignment.Make(customer, Staff("张伟", StaffRoles.CustomerManager, Guid.NewGuid()), "why", [], "店长", Now);

        Assert.Equal((ViolationKind.Invalid, "assigneeId"), (refused.Violation!.Kind, refused.Violation.Field));
        Assert.Equal(wang, customer.AssigneeId);
    }

    [Fact]
    public void A_problem_goes_to_the_customers_designer_and_needs_one()
    {
        var customer = Customer();
        Assert.Equal("no-designer", CustomerProblem.Raise(customer, "墙面开裂", Today, Today, "cm", "王芳", Now).Violation!.Code);

        var designer = Guid.NewGuid();
        customer.DispatchedTo(designer, "陈设计");
        var problem = CustomerProblem.Raise(customer, "墙面开裂", Today.AddDays(1), Today, "cm", "王芳", Now).Value!;

        Assert.Equal((designer, "陈设计", "墙面开裂", Today.AddDays(1), "王芳", true), (problem.DesignerId, problem.DesignerName, problem.What, problem.DueOn, problem.RaisedByName, problem.IsOpen));
        Assert.Equal("dueOn", CustomerProblem.Raise(customer, "x", Today.AddDays(-1), Today, "cm", "王芳", Now).Violation!.Field);
    }

    [Fact]
    public void Only_the_customers_designer_or_the_store_resolves_a_problem_and_only_once()
    {
        var customer = Customer();
        var designer = Guid.NewGuid();
        customer.DispatchedTo(designer, "陈设计");
        var problem = CustomerProblem.Raise(customer, "墙面开裂", Today, Today, "cm", "王芳", Now).Value!;

        Assert.Equal(ViolationKind.NotFound, problem.Resolve("改了", Guid.NewGuid(), "d2", "别的设计师", Now)!.Kind);
        Assert.True(problem.IsOpen);
        Assert.Null(problem.Resolve("已约上门修补", designer, "d1", "陈设计", Now.AddHours(2)));
        Assert.Equal(("已约上门修补", "陈设计", Now.AddHours(2)), (problem.Resolution, problem.ResolvedByName, problem.ResolvedAt));
        Assert.Equal(Violation.InvalidTransition, problem.Resolve("again", null, "sm", "店长", Now)!.Code);
    }

    [Fact]
    public void A_key_attention_task_names_the_designer_and_the_home_consultant()
    {
        var customer = Customer();
        customer.Record(new MilestoneRecorded
        {
            StoreId = Store, CustomerId = customer.Id, MilestoneId = Guid.NewGuid(), Type = MilestoneType.DepositPaid, At = Now.AddDays(-4),
            Stage = CustomerStage.DepositPaid, RecordedBy = "王芳",
        });
        var stale = customer.RegisteredOn.AddMonths(TaskRules.StaleMonths).AddDays(1);
        Assert.Contains("designer (not dispatched yet) and home consultant (none named)", StaleCustomerTasks.For(customer, [], stale, Now).Single().Reason);

        customer.DispatchedTo(Guid.NewGuid(), "陈设计");
        customer.Consultant(Guid.NewGuid(), "周顾问");

        Assert.Contains("talk with designer 陈设计 and home consultant 周顾问", StaleCustomerTasks.For(customer, [], stale, Now).Single().Reason);
    }

    [Fact]
    public void Changes_carried_by_a_record_name_basic_information_fields_only()
    {
        static FieldErrors Check(string json)
        {
            var errors = new FieldErrors();
            BasicInfoChanges.Check(System.Text.Json.JsonDocument.Parse(json).RootElement, errors);
            return errors;
        }

        Assert.False(Check("""{"address":"徐汇区漕溪北路1号","house":{"areaM2":120}}""").Any);
        Assert.Equal(["changes.stage"], Check("""{"stage":"Lost"}""").ToDictionary().Keys);
        Assert.Equal(["changes.reason"], Check("""{"reason":"x","name":"王"}""").ToDictionary().Keys);
        Assert.Equal(["changes"], Check("""{}""").ToDictionary().Keys);
        Assert.Equal(["changes"], Check("""["name"]""").ToDictionary().Keys);
    }
}
