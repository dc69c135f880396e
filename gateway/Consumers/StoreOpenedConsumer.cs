using MassTransit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Crm.Gateway.Consumers;

/// <summary>Keeps the gateway's copy of the stores (and, in a demo, gives a new store its staff).</summary>
public sealed class StoreOpenedConsumer(GatewayDbContext db, TimeProvider clock, IOptions<SeedOptions> seed, IPasswordHasher<StaffUser> hasher)
    : IdempotentConsumer<StoreOpened, GatewayDbContext>(db, clock)
{
    protected override async Task HandleAsync(StoreOpened message, ConsumeContext<StoreOpened> context)
    {
        if (await Db.Stores.AnyAsync(s => s.Id == message.StoreId, context.CancellationToken)) return;
        Db.Stores.Add(StoreCopy.From(message));
        if (!seed.Value.Demo) return;
        foreach (var user in DemoStaff.For(message, Clock.GetUtcNow()))
        {
            if (await Db.Users.AnyAsync(u => u.NormalizedUserName == user.NormalizedUserName, context.CancellationToken)) continue;
            user.PasswordHash = hasher.HashPassword(user, seed.Value.StorePassword);
            Db.Users.Add(user);
        }
    }
}
