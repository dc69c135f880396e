using Crm.Customers.Data;
using Crm.Customers.Domain;
using Crm.Dispatch.Data;
using Crm.Dispatch.Domain;
using Crm.Gateway.Data;
using Crm.Gateway.Domain;
using Microsoft.AspNetCore.Identity;

namespace Crm.Setup;

/// <summary>
/// The demo chain of api.md, for development only: stores SH01 and SH02, each with a store manager, a
/// customer manager, finance and six designers of mixed levels who can sign in (sh01.designer1 …), and
/// the marketing account. Each part is written by its owner's database and announced through its outbox,
/// as if staff had entered it; a part already there is left as it is. Stores opened later get nothing.
/// </summary>
internal sealed class DemoChain(IServiceProvider services, DemoOptions options, TimeProvider clock, ILogger logger)
{
    private static readonly (string Code, string Name, string City)[] Stores =
    [
        ("SH01", "上海徐汇店", "上海"),
        ("SH02", "上海浦东店", "上海"),
    ];

    private static readonly (string Suffix, string Role, string Title)[] StoreStaff =
    [
        ("manager", StaffRoles.StoreManager, "店面经理"),
        ("cm", StaffRoles.CustomerManager, "客户经理"),
        ("finance", StaffRoles.Finance, "财务"),
        ("consultant", StaffRoles.HomeConsultant, "家装顾问"),
    ];

    private static readonly (string Name, DesignerLevel Level, bool ChargesFee, string[] Styles, string Notes)[] Roster =
    [
        ("王磊", DesignerLevel.Chief, true, ["Modern", "Luxury"], "别墅、大平层；沟通直接"),
        ("李娜", DesignerLevel.Senior, true, ["Nordic", "Japanese"], "小户型收纳；耐心细致"),
        ("张伟", DesignerLevel.Senior, false, ["Chinese", "Modern"], "新中式、老房翻新"),
        ("刘洋", DesignerLevel.Designer, false, ["Nordic", "Industrial"], "loft、工作室"),
        ("陈静", DesignerLevel.Designer, false, ["Modern", "Minimal"], "儿童房、适老化"),
        ("杨帆", DesignerLevel.Assistant, false, ["Minimal"], "出图快"),
    ];

    private readonly CustomerDbContext _customers = services.GetRequiredService<CustomerDbContext>();
    private readonly DispatchDbContext _dispatch = services.GetRequiredService<DispatchDbContext>();
    private readonly GatewayDbContext _gateway = services.GetRequiredService<GatewayDbContext>();
    private readonly UserManager<StaffUser> _users = services.GetRequiredService<UserManager<StaffUser>>();

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (code, name, city) in Stores)
        {
            var opened = (await OpenStoreAsync(code, name, city, cancellationToken)).ToOpenedEvent(DatabaseShards.Home);
            var designers = await HireDesignersAsync(opened, cancellationToken);
            await CreateAccountsAsync(opened, designers, cancellationToken);
        }
        await CreateAccountAsync("marketing", "市场部", StaffRoles.Marketing, null, null);
        logger.LogInformation("The demo chain is ready: stores {Stores}", string.Join(", ", Stores.Select(s => s.Code)));
    }

    private async Task<Store> OpenStoreAsync(string code, string name, string city, CancellationToken cancellationToken)
    {
        if (await _customers.Stores.FirstOrDefaultAsync(s => s.Code == code, cancellationToken) is { } existing) return existing;
        // The demo stores are at home, whatever shards the installation has.
        var store = Store.Open(code, name, city, null, clock.GetUtcNow());
        _customers.Stores.Add(store);
        _customers.Set<StorePlacement>().Add(new StorePlacement { StoreId = store.Id, Shard = DatabaseShards.Home, ChangedAt = store.OpenedAt });
        _customers.Publish(store.ToOpenedEvent(DatabaseShards.Home), clock);
        await _customers.SaveChangesAsync(cancellationToken);
        return store;
    }

    /// <summary>The store's six designers in roster order, hired (and announced) unless the store has designers already.</summary>
    private async Task<List<Designer>> HireDesignersAsync(StoreOpened store, CancellationToken cancellationToken)
    {
        if (!await _dispatch.Stores.AnyAsync(s => s.Id == store.StoreId, cancellationToken))
            _dispatch.Stores.Add(StoreCopy.From<DispatchStore>(store));
        var hired = await _dispatch.Designers.Where(d => d.StoreId == store.StoreId).ToListAsync(cancellationToken);
        if (hired.Count == 0)
        {
            var now = clock.GetUtcNow();
            foreach (var (name, level, fee, styles, notes) in Roster)
            {
                var designer = Designer.Join(store.StoreId, $"{name}（{store.Code}）", level, fee, styles, notes);
                hired.Add(designer);
                _dispatch.Designers.Add(designer);
                _dispatch.DesignerHistory.Add(DesignerHistory.Record(designer, "Joined", "Joined the demo roster", null, "setup", now));
                _dispatch.Publish(designer.ToJoinedEvent(hired.Count), clock);
            }
        }
        await _dispatch.SaveChangesAsync(cancellationToken);
        return Roster.Select(r => hired.FirstOrDefault(d => d.Name == $"{r.Name}（{store.Code}）")).OfType<Designer>().ToList();
    }

    private async Task CreateAccountsAsync(StoreOpened store, List<Designer> designers, CancellationToken cancellationToken)
    {
        if (!await _gateway.Stores.AnyAsync(s => s.Id == store.StoreId, cancellationToken))
        {
            _gateway.Stores.Add(StoreCopy.From<StoreCopy>(store));
            await _gateway.SaveChangesAsync(cancellationToken);
        }
        var prefix = store.Code.ToLowerInvariant();
        foreach (var (suffix, role, title) in StoreStaff)
            await CreateAccountAsync($"{prefix}.{suffix}", $"{store.Name} {title}", role, store.StoreId, null);
        for (var n = 0; n < designers.Count; n++)
            await CreateAccountAsync($"{prefix}.designer{n + 1}", designers[n].Name, StaffRoles.Designer, store.StoreId, designers[n].Id);
    }

    private async Task CreateAccountAsync(string username, string displayName, string role, Guid? storeId, Guid? designerId)
    {
        if (await _users.FindByNameAsync(username) is not null) return;
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(), UserName = username, DisplayName = displayName, Role = role,
            StoreId = storeId, DesignerId = designerId, CreatedAt = clock.GetUtcNow(), CreatedBy = "setup",
        };
        var result = await services.GetRequiredService<StaffAccounts>().OpenAsync(user, options.StorePassword);
        if (!result.Succeeded) throw new InvalidOperationException($"The demo account {username} was refused: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
