using MassTransit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Crm.Gateway.Consumers;

/// <summary>In a demo, every designer who joins a roster gets a sign-in: "sh01.designer1" for the first designer of SH01.</summary>
public sealed class DesignerJoinedConsumer(GatewayDbContext db, TimeProvider clock, IOptions<SeedOptions> seed, IPasswordHasher<StaffUser> hasher)
    : IdempotentConsumer<DesignerJoined, GatewayDbContext>(db, clock)
{
    protected override async Task HandleAsync(DesignerJoined message, ConsumeContext<DesignerJoined> context)
    {
        if (!seed.Value.Demo) return;
        // Thrown, the message is retried: the store's StoreOpened may simply not have arrived yet.
        var store = await Db.Stores.FirstOrDefaultAsync(s => s.Id == message.StoreId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Store {message.StoreId} is not known to the gateway yet.");
        var user = DemoStaff.Designer(store, message, Clock.GetUtcNow());
        if (await Db.Users.AnyAsync(u => u.NormalizedUserName == user.NormalizedUserName, context.CancellationToken)) return;
        user.PasswordHash = hasher.HashPassword(user, seed.Value.StorePassword);
        Db.Users.Add(user);
    }
}
