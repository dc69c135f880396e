using Crm.Followups.Data;
using Crm.Followups.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Followups.Tests.Api;

/// <summary>The time-based rules on the service's database: once per store-day with two instances, and replayable by an operator.</summary>
public sealed class TaskRulesScheduleTests : IAsyncLifetime
{
    private ServiceFactory<Program> _first = null!;
    private ServiceFactory<Program> _second = null!;

    public async Task InitializeAsync()
    {
        _first = await ServiceFactory<Program>.StartAsync("followupdb");
        _second = _first.SecondInstance();
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    /// <summary>A store in Shanghai with a customer stale since yesterday (deposit paid) and one registered three months ago today.</summary>
    private async Task<(Guid Store, Guid Stale, Guid NotYet, DateOnly Today)> SeedAsync()
    {
        var store = StoreCopy.From<FollowupStore>(new StoreOpened { StoreId = Guid.NewGuid(), Code = "R" + Random.Shared.Next(100, 999), Name = "测试店", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow.AddYears(-1) });
        var today = store.LocalDate(DateTimeOffset.UtcNow);
        FollowedCustomer Customer(DateOnly registeredOn)
        {
            var customer = FollowedCustomer.From(new CustomerRegistered
            {
                StoreId = store.Id, CustomerId = Guid.NewGuid(), CustomerNo = "R-" + Random.Shared.Next(100_000, 999_999), Source = CustomerSource.WalkIn,
                RegisteredAt = new DateTimeOffset(registeredOn.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero),
            }, registeredOn);
            customer.Record(new MilestoneRecorded
            {
                StoreId = store.Id, CustomerId = customer.Id, MilestoneId = Guid.NewGuid(), Type = MilestoneType.DepositPaid, At = customer.RegisteredAt.AddDays(1),
                Stage = CustomerStage.DepositPaid, RecordedBy = "王芳",
            });
            return customer;
        }
        var stale = Customer(today.AddMonths(-3).AddDays(-1));
        var notYet = Customer(today.AddMonths(-3));
        await using var scope = _first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowupDbContext>();
        db.Stores.Add(store);
        db.Customers.AddRange(stale, notYet);
        await db.SaveChangesAsync();
        return (store.Id, stale.Id, notYet.Id, today);
    }

    private async Task<List<FollowUpTask>> KeyTasksAsync(Guid store)
    {
        await using var scope = _first.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FollowupDbContext>().Tasks.AsNoTracking()
            .Where(t => t.StoreId == store && t.Kind == FollowUpTaskKind.KeyAttention).ToListAsync();
    }

    private static async Task<int?> RunAsync(ServiceFactory<Program> instance, Guid store, DateOnly day)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunTaskRules>().RunAsync(store, day, force: false, CancellationToken.None);
    }

    [Fact]
    public async Task Two_instances_running_the_same_store_day_make_each_task_once()
    {
        var (store, stale, _, today) = await SeedAsync();

        var results = await Task.WhenAll(RunAsync(_first, store, today), RunAsync(_second, store, today), RunAsync(_first, store, today), RunAsync(_second, store, today));

        var task = Assert.Single(await KeyTasksAsync(store));
        Assert.Equal((stale, today), (task.CustomerId, task.DueOn));
        Assert.True(results.Count(r => r is not null) <= 1, string.Join(", ", results));
    }

    [Fact]
    public async Task An_operator_runs_a_past_day_again_and_only_missing_tasks_are_made()
    {
        var (store, stale, notYet, today) = await SeedAsync();
        var admin = _first.ClientAs("ChainAdmin");

        var yesterday = await admin.PostAsJsonAsync("/operations/task-rules/run", new { date = today.AddDays(-1), storeId = store });
        var twice = await admin.PostAsJsonAsync("/operations/task-rules/run", new { date = today.AddDays(-1), storeId = store });
        var tomorrow = await admin.PostAsJsonAsync("/operations/task-rules/run", new { date = today.AddDays(2), storeId = store });

        // Yesterday the stale customer was registered exactly three months before: not yet stale; today's customer even less.
        Assert.Equal(0, (await yesterday.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tasksMade").GetInt32());
        Assert.Equal(0, (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tasksMade").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, tomorrow.StatusCode);
        var todays = await admin.PostAsJsonAsync("/operations/task-rules/run", new { date = today, storeId = store });
        var again = await admin.PostAsJsonAsync("/operations/task-rules/run", new { date = today, storeId = store });
        var made = (await todays.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tasksMade").GetInt32();
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tasksMade").GetInt32());
        // The schedule may have run today's rules already when the host started: either way, one task for the stale customer alone.
        Assert.True(made <= 1);
        Assert.Equal([stale], (await KeyTasksAsync(store)).Select(t => t.CustomerId));
        Assert.DoesNotContain(notYet, (await KeyTasksAsync(store)).Select(t => t.CustomerId));
    }
}
