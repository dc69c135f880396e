extern alias contracts;
extern alias partners;

using System.Collections;
using System.Globalization;
using System.Resources;
using Crm.Messages;

namespace Crm.Web.Tests;

/// <summary>Every label of the console exists in Chinese and in English, for every value the API can answer.</summary>
public sealed class LabelsTests
{
    private static readonly ResourceManager Resources = new("Crm.Web.Resources.Labels", typeof(Labels).Assembly);

    private static Dictionary<string, string> Set(string culture)
    {
        var set = Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: culture.Length == 0)!;
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Fact]
    public void Chinese_and_English_have_the_same_labels_and_none_is_empty()
    {
        var chinese = Set("");
        var english = Set("en");

        Assert.Equal(chinese.Keys.Order(), english.Keys.Order());
        Assert.All(chinese.Concat(english), label => Assert.False(string.IsNullOrWhiteSpace(label.Value), label.Key));
    }

    [Fact]
    public void English_labels_hold_no_chinese_but_the_switch_back_to_chinese()
    {
        var withChinese = Set("en").Where(l => l.Value.Any(c => c is >= '\u4e00' and <= '\u9fff')).Select(l => l.Key);

        Assert.Equal(["Language_Switch"], withChinese);
    }

    public static TheoryData<string, string> EnumValues()
    {
        var data = new TheoryData<string, string>();
        void Add<T>(string prefix) where T : struct, Enum { foreach (var name in Enum.GetNames<T>()) data.Add(prefix, name); }
        Add<CustomerSource>("Source");
        Add<CustomerStage>("Stage");
        Add<MilestoneType>("Milestone");
        Add<HouseKind>("HouseKind");
        Add<FollowUpForm>("Form");
        Add<DesignerLevel>("Level");
        Add<DispatchKind>("DispatchKind");
        Add<DispatchRule>("Rule");
        Add<DepositKind>("DepositKind");
        Add<DesignerStatus>("DesignerStatus");
        Add<contracts::Crm.Contracts.Domain.FormState>("FormState");
        Add<contracts::Crm.Contracts.Domain.CustodyAction>("Custody");
        Add<contracts::Crm.Contracts.Domain.FormAlertKind>("FormAlert");
        Add<contracts::Crm.Contracts.Apis.RecipientsApi.RecipientGround>("Ground");
        Add<partners::Crm.Partners.Domain.ImportState>("ImportState");
        return data;
    }

    [Theory]
    [MemberData(nameof(EnumValues))]
    public void Every_value_the_api_answers_has_a_label(string prefix, string name) =>
        Assert.True(Set("").ContainsKey($"{prefix}_{name}"), $"{prefix}_{name}");
}
