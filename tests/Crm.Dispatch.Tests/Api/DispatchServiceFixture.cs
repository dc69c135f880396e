using Crm.Dispatch.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Dispatch.Tests.Api;

/// <summary>One dispatch service for a test class; each test makes a store, designers and customers of its own.</summary>
public sealed class DispatchServiceFixture : IAsyncLifetime
{
    public ServiceFactory<Program> Service { get; private set; } = null!;

    public async Task InitializeAsync() => Service = await ServiceFactory<Program>.StartAsync("dispatchdb");

    public async Task DisposeAsync() => await Service.DisposeAsync();

    public HttpClient Admin => Service.ClientAs();

    public static DateOnly StoreToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    /// <summary>A store as StoreOpened would make it, with its settings changed as given.</summary>
    public async Task<Guid> OpenStoreAsync(Func<DispatchSettingsValues, DispatchSettingsValues>? settings = null)
    {
        var store = StoreCopy.From<DispatchStore>(new StoreOpened
        {
            StoreId = Guid.NewGuid(), Code = "T" + Random.Shared.Next(0, 100_000).ToString("D5"), Name = "测试店", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow,
        });
        var values = DispatchSettings.Defaults(store.Id);
        if (settings is not null) values.Change(settings(values.Values), "test", DateTimeOffset.UtcNow);
        await InDatabase(db =>
        {
            db.Stores.Add(store);
            db.Settings.Add(values);
            return db.SaveChangesAsync();
        });
        return store.Id;
    }

    public async Task<List<Designer>> AddDesignersAsync(Guid store, params (string Name, DesignerLevel Level, bool Fee)[] designers)
    {
        var joined = designers.Select(d => Designer.Join(store, d.Name, d.Level, d.Fee, [])).ToList();
        await InDatabase(db =>
        {
            db.Designers.AddRange(joined);
            return db.SaveChangesAsync();
        });
        return joined;
    }

    public Task<List<Designer>> AddDesignersAsync(Guid store, int count) =>
        AddDesignersAsync(store, Enumerable.Range(1, count).Select(i => ($"设计师{i:D2}", DesignerLevel.Designer, false)).ToArray());

    /// <summary>A customer's file as CustomerRegistered makes it, without dispatching.</summary>
    public async Task<Guid> CustomerAsync(Guid store, decimal? budget = null, HouseKind? houseKind = null, Guid? requested = null)
    {
        var file = CustomerFile.From(Registered(store, budget, houseKind, requested));
        await InDatabase(db =>
        {
            db.CustomerFiles.Add(file);
            return db.SaveChangesAsync();
        });
        return file.CustomerId;
    }

    public static CustomerRegistered Registered(Guid store, decimal? budget = null, HouseKind? houseKind = null, Guid? requested = null) => new()
    {
        StoreId = store, CustomerId = Guid.NewGuid(), CustomerNo = $"T-2026-{Random.Shared.Next(0, 1_000_000):D6}", Source = CustomerSource.WalkIn,
        RegisteredAt = DateTimeOffset.UtcNow, Budget = budget, HouseKind = houseKind, RequestedDesignerId = requested,
    };

    public static MilestoneRecorded Milestone(Guid store, Guid customer, MilestoneType type, int daysAgo = 0) => new()
    {
        StoreId = store, CustomerId = customer, MilestoneId = Guid.NewGuid(), Type = type, At = DateTimeOffset.UtcNow.AddDays(-daysAgo), Stage = Enum.TryParse<CustomerStage>(type.ToString(), out var stage) ? stage : CustomerStage.Registered, RecordedBy = "test",
    };

    public async Task<T> InDatabase<T>(Func<DispatchDbContext, Task<T>> work)
    {
        await using var scope = Service.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DispatchDbContext>());
    }

    /// <summary>Publishes to the service's queues once its bus is connected.</summary>
    public async Task PublishAsync<T>(params T[] messages) where T : class
    {
        await Service.BusReadyAsync();
        var bus = Service.Services.GetRequiredService<IBus>();
        foreach (var message in messages) await bus.Publish(message);
    }

    public Task<int> LiveAssignmentsAsync(Guid designer) =>
        InDatabase(db => db.Assignments.CountAsync(a => a.DesignerId == designer && (a.Status == AssignmentStatus.Offered || a.Status == AssignmentStatus.Accepted)));
}
