using System.Globalization;
using Bunit;
using Crm.Messages;
using Crm.Web.Components;
using Crm.Web.Components.Reports;
using Crm.Web.Gateway;
using Crm.Web.Session;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Crm.Web.Tests;

/// <summary>The console's display components rendered alone, in Chinese, with the labels of the resource files.</summary>
public sealed class ComponentTests : IAsyncLifetime
{
    private readonly BunitContext _bunit = new();

    public ComponentTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(ConsoleLanguages.Chinese);
        _bunit.Services.AddMudServices();
        _bunit.Services.AddConsoleLanguages();
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services are disposed only asynchronously.</summary>
    public async Task DisposeAsync() => await _bunit.DisposeAsync();

    private IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>> parameters) where T : Microsoft.AspNetCore.Components.IComponent =>
        _bunit.Render(parameters);

    private static ApiProblem Invalid(Dictionary<string, string[]> errors) => new(400, "The request is not valid.", null, null, errors);

    [Fact]
    public void A_refusal_lists_the_reasons_of_the_fields_the_form_does_not_show_next_to_them()
    {
        var problem = Invalid(new() { ["name"] = ["The name is required."], ["house.areaM2"] = ["At most 10000 m²."] });

        var text = Render<ProblemText>(p => p.Add(c => c.Problem, problem).Add(c => c.Shown, ["name"])).Find("[data-problem]").TextContent;

        Assert.Contains("The request is not valid.", text);
        Assert.Contains("At most 10000 m².", text);
        Assert.DoesNotContain("The name is required.", text);
    }

    [Fact]
    public void An_ended_session_is_said_in_the_console_language_with_a_way_back_to_sign_in()
    {
        var rendered = Render<ProblemText>(p => p.Add(c => c.Problem, ApiProblem.SessionEnded));

        Assert.Contains("登录已失效，请重新登录。", rendered.Find("[data-problem]").TextContent);
        Assert.Equal("/signin?ended=true", rendered.Find("[data-problem] a").GetAttribute("href"));
    }

    [Fact]
    public void No_problem_renders_nothing() =>
        Assert.Empty(Render<ProblemText>(p => p.Add(c => c.Problem, null)).FindAll("[data-problem]"));

    [Fact]
    public void The_figures_show_counts_money_in_yuan_and_nothing_for_an_average_of_no_signing()
    {
        var figures = new Figures(12, 5, 3, 15000m, 0, 0m, 0m, null, null, 1, 2000m, 0.875m);

        var rendered = Render<FigureCards>(p => p.Add(c => c.Figures, figures));
        string Card(string key) => rendered.Find($"[data-figure={key}] h6").TextContent.Trim();

        Assert.Equal(("12", "3 · ¥15,000.00", "0 · ¥0.00", "", "1 · ¥2,000.00", "88%"),
            (Card("newRegistered"), Card("deposits"), Card("signed"), Card("averageOrder"), Card("designFees"), Card("completeness")));
    }

    [Fact]
    public void A_stale_customer_who_paid_is_flagged_and_an_empty_list_says_so()
    {
        var customers = new[]
        {
            new StaleCustomer(Guid.NewGuid(), Guid.NewGuid(), "SH01-2026-000007", CustomerSource.WalkIn, new DateOnly(2026, 7, 1), 151, true, "李明", null, null),
            new StaleCustomer(Guid.NewGuid(), Guid.NewGuid(), "SH01-2026-000009", CustomerSource.Phone, new DateOnly(2026, 7, 2), 150, false, null, null, null),
        };

        var rows = Render<StaleTable>(p => p.Add(c => c.Customers, customers)).FindAll("tbody tr");
        var empty = Render<StaleTable>(p => p.Add(c => c.Customers, [])).Markup;

        Assert.Equal(2, rows.Count);
        Assert.Contains("重点", rows[0].TextContent);
        Assert.DoesNotContain("重点", rows[1].TextContent);
        Assert.Contains("没有客户。", empty);
    }
}
