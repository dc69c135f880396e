using Crm.Contracts.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Contracts.Tests.Api;

/// <summary>The people of one store as the contract service learns them from the other services' events.</summary>
public sealed record StoreStaff(Guid StoreId, Guid CustomerManager, Guid StoreManager, Guid Finance, Guid DesignerId, Guid DesignerUser, Guid Customer, Guid Colleague);

/// <summary>The contract service on its own database and the real broker; each test sets up its own store through events.</summary>
public sealed class ContractServiceFixture : IAsyncLifetime
{
    public ServiceFactory<Program> Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Service = await ServiceFactory<Program>.StartAsync("contractdb");
        await Service.BusReadyAsync();
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();

    public HttpClient As(string role, StoreStaff store, Guid userId, Guid? designerId = null) => Service.ClientAs(role, store.StoreId, designerId, userId);

    public HttpClient CustomerManagerOf(StoreStaff store) => As(StaffRoles.CustomerManager, store, store.CustomerManager);

    public HttpClient StoreManagerOf(StoreStaff store) => As(StaffRoles.StoreManager, store, store.StoreManager);

    public HttpClient FinanceOf(StoreStaff store) => As(StaffRoles.Finance, store, store.Finance);

    public HttpClient DesignerOf(StoreStaff store) => As(StaffRoles.Designer, store, store.DesignerUser, store.DesignerId);

    /// <summary>A store opened, its staff's accounts, a designer and a customer, each announced on the bus as their owners do.</summary>
    public async Task<StoreStaff> StoreAsync()
    {
        var bus = Service.Services.GetRequiredService<IBus>();
        var store = new StoreStaff(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var code = "C" + Random.Shared.Next(100, 999);
        await bus.Publish(new StoreOpened { StoreId = store.StoreId, Code = code, Name = "测试店", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow });
        await Account(bus, store.CustomerManager, "王芳", StaffRoles.CustomerManager, store.StoreId);
        await Account(bus, store.StoreManager, "陈静", StaffRoles.StoreManager, store.StoreId);
        await Account(bus, store.Finance, "赵会计", StaffRoles.Finance, store.StoreId);
        await Account(bus, store.DesignerUser, "李明", StaffRoles.Designer, store.StoreId, store.DesignerId);
        await Account(bus, store.Colleague, "孙客服", StaffRoles.CustomerManager, store.StoreId);
        await bus.Publish(new DesignerJoined { StoreId = store.StoreId, DesignerId = store.DesignerId, Name = "李明", Level = DesignerLevel.Senior, RosterNumber = 1 });
        await bus.Publish(new CustomerRegistered { StoreId = store.StoreId, CustomerId = store.Customer, CustomerNo = $"{code}-2026-000001", Source = CustomerSource.WalkIn, RegisteredAt = DateTimeOffset.UtcNow });
        await Eventually.Holds(() => InDatabase(async db =>
                await db.Stores.AnyAsync(s => s.Id == store.StoreId) && await db.Staff.CountAsync(s => s.StoreId == store.StoreId) == 5
                && await db.Designers.AnyAsync(d => d.Id == store.DesignerId) && await db.Customers.AnyAsync(c => c.Id == store.Customer)),
            TimeSpan.FromSeconds(30), "the store, its staff, designer and customer to reach the contract service");
        return store;
    }

    public async Task ReceiveAsync(StoreStaff store, string from, string to)
    {
        var response = await CustomerManagerOf(store).PostAsJsonAsync("/api/contracts/forms/receive", new { fromSerial = from, toSerial = to });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public async Task<T> InDatabase<T>(Func<ContractDbContext, Task<T>> query)
    {
        await using var scope = Service.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ContractDbContext>());
    }

    private static Task Account(IBus bus, Guid id, string name, string role, Guid? store, Guid? designer = null) =>
        bus.Publish(new StaffAccountOpened { UserId = id, Username = name, DisplayName = name, Role = role, StoreId = store, DesignerId = designer, Active = true, At = DateTimeOffset.UtcNow });
}
