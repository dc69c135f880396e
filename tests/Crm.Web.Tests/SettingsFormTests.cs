using Crm.Web.Components.Store;
using Crm.Web.Gateway;

namespace Crm.Web.Tests;

public sealed class SettingsFormTests
{
    [Fact]
    public void The_settings_read_are_sent_back_under_the_api_names_with_the_changes_made()
    {
        var read = new DispatchSettings(Guid.NewGuid(), true, 3, 3, 30, 30, 3, 180, 300000m, 150m, 3, null, null);
        var values = SettingsForm.Values.From(read);

        values.AutoDispatch = false;
        values.Numbers.Single(n => n.Name == "holdingCap").Value = 4;
        var request = values.ToRequest();

        Assert.Equal(
            new Dictionary<string, object>
            {
                ["autoDispatch"] = false, ["holdingCap"] = 4m, ["stalledProposalCount"] = 3m, ["stalledProposalDays"] = 30m, ["refusalSuspensionDays"] = 30m,
                ["removalRefusals"] = 3m, ["removalWindowDays"] = 180m, ["bigOrderBudget"] = 300000m, ["bigOrderArea"] = 150m, ["bigOrderMinLevel"] = 3m,
            },
            request);
    }
}
