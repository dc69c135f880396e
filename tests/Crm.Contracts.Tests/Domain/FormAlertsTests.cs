namespace Crm.Contracts.Tests.Domain;

/// <summary>Alerts: issued and not retrieved after 7 days, passed on and not back by the expected return, lost, and the count's differences.</summary>
public sealed class FormAlertsTests
{
    [Fact]
    public void A_form_issued_more_than_seven_days_ago_and_not_retrieved_is_an_alert_from_the_eighth_day()
    {
        var issuedAt = Forms.T0.AddHours(1);
        var signed = Forms.Signed();

        Assert.Empty(FormAlerts.For([signed], null, issuedAt.AddDays(7)));
        var alert = Assert.Single(FormAlerts.For([signed], null, issuedAt.AddDays(7).AddMinutes(1)));
        Assert.Equal((FormAlertKind.NotRetrieved, signed.Serial, issuedAt.AddDays(7), "李明"), (alert.Kind, alert.Serial, alert.Since, alert.HolderName));
    }

    [Fact]
    public void A_passing_on_not_back_by_its_expected_return_is_an_alert_and_a_return_ends_it()
    {
        var form = Forms.WithStoreManager();
        var due = Forms.T0.AddDays(1);

        var overdue = Assert.Single(FormAlerts.For([form], null, due.AddMinutes(1)));
        Assert.Equal((FormAlertKind.ReturnOverdue, due, "陈静"), (overdue.Kind, overdue.Since, overdue.HolderName));
        Assert.Empty(FormAlerts.For([form], null, due));
        Forms.Done(form, f => f.Return(Forms.StoreManager, due.AddHours(1)));
        Assert.Empty(FormAlerts.For([form], null, due.AddHours(2)));
    }

    [Fact]
    public void A_lost_form_and_the_last_counts_differences_are_alerts()
    {
        var lost = Forms.Lost();
        var count = StockCount.Record(Forms.Store, ["A-1", "A-2", "A-3"], ["A-2", "A-3", "B-9"], Forms.CustomerManager, Forms.T0.AddDays(1));

        var alerts = FormAlerts.For([lost], count, Forms.T0.AddDays(2));

        Assert.Equal([(FormAlertKind.Lost, lost.Serial), (FormAlertKind.MissingFromDrawer, "A-1"), (FormAlertKind.UnexpectedInDrawer, "B-9")],
            alerts.Select(a => (a.Kind, a.Serial)));
        Assert.Equal((3, 3), (count.Expected, count.Present));
    }

    [Theory]
    [InlineData("InStock", true)]
    [InlineData("Issued", false)]
    [InlineData("Retrieved", true)]
    [InlineData("WithStoreManager", false)]
    [InlineData("Approved", true)]
    [InlineData("Reported", false)]
    public void The_drawer_holds_forms_in_stock_and_those_back_with_the_customer_manager(string point, bool inDrawer)
    {
        var form = point switch
        {
            "InStock" => Forms.InStock(),
            "Issued" => Forms.Issued(),
            "Retrieved" => Forms.Retrieved(),
            "WithStoreManager" => Forms.WithStoreManager(),
            "Approved" => Forms.Approved(),
            _ => Forms.Reported(),
        };

        Assert.Equal(inDrawer, StockCount.InDrawer(form));
    }
}
