namespace Crm.Contracts.Tests.Domain;

/// <summary>A form is passed on only to the store manager, a person the store manager authorised, or finance (domain.md §3).</summary>
public sealed class RecipientRuleTests
{
    private static readonly Guid Store = Forms.Store;
    private static readonly Guid OtherStore = Guid.Parse("01900000-0000-7000-8000-0000000000ff");
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static StaffCopy Member(string role, Guid? store, bool active = true) => StaffCopy.From(new StaffAccountOpened
    {
        UserId = Guid.NewGuid(), Username = "u", DisplayName = "某人", Role = role, StoreId = store, Active = active, At = Forms.T0,
    });

    [Theory]
    [InlineData(StaffRoles.StoreManager, true)]
    [InlineData(StaffRoles.Finance, true)]
    [InlineData(StaffRoles.CustomerManager, false)]
    [InlineData(StaffRoles.Designer, false)]
    [InlineData(StaffRoles.Marketing, false)]
    [InlineData(StaffRoles.ChainAdmin, false)]
    public void Of_the_forms_store_only_the_store_manager_and_finance_receive_without_an_authorisation(string role, bool allowed)
    {
        var refusal = RecipientRule.Refusal(Member(role, role is StaffRoles.Marketing or StaffRoles.ChainAdmin ? null : Store), Store, [], Today);

        Assert.Equal(allowed, refusal is null);
        if (!allowed) Assert.Equal((ViolationKind.Forbidden, RecipientRule.RecipientNotAllowed), (refusal!.Kind, refusal.Code));
    }

    [Fact]
    public void Another_stores_manager_may_not_receive()
    {
        Assert.NotNull(RecipientRule.Refusal(Member(StaffRoles.StoreManager, OtherStore), Store, [], Today));
    }

    [Fact]
    public void Finance_of_the_whole_chain_may_receive_and_finance_of_another_store_may_not()
    {
        Assert.Null(RecipientRule.Refusal(Member(StaffRoles.Finance, null), Store, [], Today));
        Assert.NotNull(RecipientRule.Refusal(Member(StaffRoles.Finance, OtherStore), Store, [], Today));
    }

    [Fact]
    public void An_inactive_account_may_not_receive()
    {
        Assert.NotNull(RecipientRule.Refusal(Member(StaffRoles.StoreManager, Store, active: false), Store, [], Today));
        Assert.NotNull(RecipientRule.Refusal(null, Store, [], Today));
    }

    [Fact]
    public void An_authorised_person_may_receive_through_the_last_day_until_revoked()
    {
        var person = Member(StaffRoles.CustomerManager, Store);
        var grant = RecipientAuthorisation.Grant(Store, person.AsPerson(), Today, Forms.StoreManager, Forms.T0);

        Assert.Null(RecipientRule.Refusal(person, Store, [grant], Today));
        Assert.NotNull(RecipientRule.Refusal(person, Store, [grant], Today.AddDays(1)));
        Assert.NotNull(RecipientRule.Refusal(person, OtherStore, [grant], Today));
        Assert.Null(grant.Revoke(Forms.StoreManager, Forms.T0.AddHours(1)));
        Assert.NotNull(RecipientRule.Refusal(person, Store, [grant], Today));
        Assert.Equal(ViolationKind.Conflict, grant.Revoke(Forms.StoreManager, Forms.T0.AddHours(2))!.Kind);
    }
}
