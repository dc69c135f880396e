namespace Crm.Contracts.Tests.Domain;

/// <summary>Every move from every point of a form's custody: allowed exactly where domain.md §3 allows it.</summary>
public sealed class CustodyStateMachineTests
{
    private static readonly DateTimeOffset Later = Forms.T0.AddDays(2);

    private static readonly Dictionary<string, Func<ContractForm>> Points = new()
    {
        ["InStock"] = Forms.InStock,
        ["Issued"] = Forms.Issued,
        ["Signed"] = Forms.Signed,
        ["Retrieved"] = Forms.Retrieved,
        ["WithStoreManager"] = Forms.WithStoreManager,
        ["Approved"] = Forms.Approved,
        ["Rejected"] = Forms.Rejected,
        ["Reported"] = Forms.Reported,
        ["Acknowledged"] = Forms.Acknowledged,
        ["Voided"] = Forms.Voided,
        ["Lost"] = Forms.Lost,
    };

    private static readonly Dictionary<string, Func<ContractForm, Outcome<CustodyEntry>>> Moves = new()
    {
        ["Issue"] = f => f.Issue(Forms.Designer, Forms.Customer, Forms.CustomerManager, Later),
        ["Sign"] = f => f.Sign(Forms.Customer, 1m, 1m, Later, Forms.Designer, Later),
        ["Retrieve"] = f => f.Retrieve(Forms.CustomerManager, Later),
        ["PassOn"] = f => f.PassOn(Forms.StoreManager with { Id = Guid.NewGuid() }, "查看", Later.AddDays(1), Forms.CustomerManager, Later),
        ["Return"] = f => f.Return(Forms.CustomerManager, Later),
        ["Approve"] = f => f.Approve(Forms.StoreManager, null, Later),
        ["Reject"] = f => f.Reject(Forms.StoreManager, "不符", Later),
        ["Report"] = f => f.Report(Forms.Finance, Forms.CustomerManager, Later),
        ["Acknowledge"] = f => f.Acknowledge(Forms.Finance, Later),
        ["Void"] = f => f.Void("作废", Forms.CustomerManager, Later),
        ["Lost"] = f => f.ReportLost("遗失", Forms.CustomerManager, Later),
    };

    /// <summary>The moves each point allows, and where each leaves the form.</summary>
    private static readonly Dictionary<string, Dictionary<string, FormState>> Allowed = new()
    {
        ["InStock"] = new() { ["Issue"] = FormState.Issued, ["Void"] = FormState.Voided, ["Lost"] = FormState.Lost },
        ["Issued"] = new() { ["Sign"] = FormState.Signed, ["Retrieve"] = FormState.InStock, ["Void"] = FormState.Voided, ["Lost"] = FormState.Lost },
        ["Signed"] = new() { ["Retrieve"] = FormState.Retrieved, ["Void"] = FormState.Voided, ["Lost"] = FormState.Lost },
        ["Retrieved"] = new() { ["PassOn"] = FormState.Retrieved, ["Void"] = FormState.Voided, ["Lost"] = FormState.Lost },
        ["WithStoreManager"] = new() { ["Return"] = FormState.Retrieved, ["Approve"] = FormState.Approved, ["Reject"] = FormState.Rejected, ["Lost"] = FormState.Lost },
        ["Approved"] = new() { ["PassOn"] = FormState.Approved, ["Report"] = FormState.Reported, ["Void"] = FormState.Voided, ["Lost"] = FormState.Lost },
        ["Rejected"] = new() { ["PassOn"] = FormState.Rejected, ["Void"] = FormState.Voided, ["Lost"] = FormState.Lost },
        ["Reported"] = new() { ["Acknowledge"] = FormState.Acknowledged, ["Lost"] = FormState.Lost },
        ["Acknowledged"] = new(),
        ["Voided"] = new(),
        ["Lost"] = new(),
    };

    public static TheoryData<string, string> Every
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var point in Points.Keys)
                foreach (var move in Moves.Keys) data.Add(point, move);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void A_move_is_allowed_exactly_where_the_handbook_allows_it(string point, string move)
    {
        var form = Points[point]();
        var before = Snapshot(form);

        var outcome = Moves[move](form);

        if (Allowed[point].TryGetValue(move, out var after))
        {
            Assert.True(outcome.Succeeded, outcome.Violation?.Detail);
            Assert.Equal(after, form.State);
            Assert.Equal(form.Serial, outcome.Value.Serial);
            Assert.Equal(after, outcome.Value.StateAfter);
        }
        else
        {
            Assert.False(outcome.Succeeded, $"{move} from {point} should be refused");
            Assert.Equal(ViolationKind.Conflict, outcome.Violation.Kind);
            Assert.Equal(Violation.InvalidTransition, outcome.Violation.Code);
            Assert.Equal(before, Snapshot(form));
        }
    }

    [Fact]
    public void Every_move_leaves_a_ledger_line_from_whom_to_whom()
    {
        var form = Forms.Issued();
        var entry = form.Retrieve(Forms.CustomerManager, Later).Value!;

        Assert.Equal((CustodyAction.BackInStock, Forms.Designer.Id, (Guid?)null, Forms.CustomerManager.Id), (entry.Action, entry.FromId!.Value, entry.ToId, entry.RecordedById));
        Assert.Null(form.HolderId);
        Assert.Null(form.CustomerId);
    }

    [Fact]
    public void An_issue_is_from_who_took_the_form_out_of_stock_to_the_designer()
    {
        var entry = Forms.InStock().Issue(Forms.Designer, Forms.Customer, Forms.CustomerManager, Later).Value!;

        Assert.Equal((CustodyAction.Issued, Forms.CustomerManager.Id, Forms.Designer.Id), (entry.Action, entry.FromId!.Value, entry.ToId!.Value));
    }

    [Fact]
    public void A_passing_on_records_purpose_and_expected_return_and_the_return_goes_back_to_who_passed_it()
    {
        var form = Forms.Retrieved();
        var passed = form.PassOn(Forms.StoreManager, "approval", Later.AddDays(1), Forms.CustomerManager, Later).Value!;
        var back = form.Return(Forms.StoreManager, Later.AddHours(3)).Value!;

        Assert.Equal(("approval", Later.AddDays(1), Forms.CustomerManager.Id, Forms.StoreManager.Id), (passed.Purpose, passed.ExpectedReturnAt!.Value, passed.FromId!.Value, passed.ToId!.Value));
        Assert.Equal((CustodyAction.Returned, Forms.StoreManager.Id, Forms.CustomerManager.Id), (back.Action, back.FromId!.Value, back.ToId!.Value));
        Assert.Equal(Forms.CustomerManager.Id, form.HolderId);
        Assert.False(form.IsPassedOn);
    }

    [Fact]
    public void Only_the_store_manager_the_form_was_passed_to_reviews_it()
    {
        var form = Forms.WithStoreManager();

        var outcome = form.Approve(Forms.StoreManager with { Id = Guid.NewGuid(), Name = "别的店长" }, null, Later);

        Assert.Equal(Violation.Transition("The form is reviewed by the store manager it was passed to: pass it to them first."), outcome.Violation);
        Assert.Equal(FormState.Retrieved, form.State);
    }

    [Fact]
    public void A_form_is_signed_for_the_customer_it_was_issued_for_and_not_before_its_issue()
    {
        var form = Forms.Issued();

        Assert.Equal("customerId", form.Sign(Guid.NewGuid(), 1m, 1m, Later, Forms.Designer, Later).Violation!.Field);
        Assert.Equal("signedAt", form.Sign(Forms.Customer, 1m, 1m, Forms.T0, Forms.Designer, Later).Violation!.Field);
        Assert.Equal(FormState.Issued, form.State);
    }

    [Fact]
    public void Only_the_finance_member_it_was_reported_to_acknowledges_it()
    {
        var form = Forms.Reported();

        var outcome = form.Acknowledge(Forms.Finance with { Id = Guid.NewGuid() }, Later);

        Assert.Equal(ViolationKind.Forbidden, outcome.Violation!.Kind);
        Assert.Equal(FormState.Reported, form.State);
    }

    private static string Snapshot(ContractForm f) =>
        $"{f.State}|{f.HolderId}|{f.HolderName}|{f.DesignerId}|{f.CustomerId}|{f.Amount}|{f.AreaM2}|{f.SignedAt}|{f.PassedAt}|{f.PassedFromId}|{f.ExpectedReturnAt}|{f.ReviewedAt}|{f.ReportedAt}|{f.AcknowledgedAt}|{f.EndReason}";
}
