using Crm.Web.Desk;
using Crm.Web.Gateway;

namespace Crm.Web.Tests;

public sealed class FormDeskActionsTests
{
    private static ContractFormDetail Form(string state, bool passedOn = false) => new(
        "HT-000001", Guid.NewGuid(), state, null, null, DateTimeOffset.UtcNow, null, null, null, null, null, null,
        passedOn ? new PassedOn(Guid.NewGuid(), "王芳", "审批", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1)) : null, null, null, null, null, null);

    [Theory]
    [InlineData("InStock", "issue void lost")]
    [InlineData("Issued", "sign retrieve void lost")]
    [InlineData("Signed", "retrieve lost")]
    [InlineData("Retrieved", "transfer void lost")]
    [InlineData("Rejected", "transfer void lost")]
    [InlineData("Approved", "report transfer lost")]
    [InlineData("Reported", "")]
    [InlineData("Acknowledged", "")]
    [InlineData("Voided", "")]
    [InlineData("Lost", "")]
    public void The_desk_offers_what_the_state_allows(string state, string actions) =>
        Assert.Equal(actions, string.Join(' ', FormDeskActions.For(Form(state))));

    [Fact]
    public void A_form_passed_on_only_comes_back_or_is_lost() =>
        Assert.Equal(["return", "lost"], FormDeskActions.For(Form("Retrieved", passedOn: true)));
}
