using Crm.Access;
using Crm.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Crm.Messaging;

/// <summary>
/// The operator's view of a service's messaging, for ChainAdmin: the outbox's state, re-queueing a parked
/// event, and replaying the event archive to a subscriber. Through the gateway at /api/operations/{service}/….
/// </summary>
public static class MessagingOperationsApi
{
    public sealed record OutboxState(long Pending, long Archived, long Parked, DateTimeOffset? OldestPendingAt, IReadOnlyList<ParkedEvent> ParkedEvents);

    public sealed record ParkedEvent(long Sequence, Guid MessageId, string MessageType, DateTimeOffset CreatedAt, DateTimeOffset ParkedAt, int FailedAttempts, string? Error);

    public sealed record ReplayRequest(string? Subscriber, DateTimeOffset? Since);

    public sealed record ReplayResponse(string Subscriber, DateTimeOffset? Since, long Replayed);

    public static IEndpointRouteBuilder MapMessagingOperations<TDbContext>(this IEndpointRouteBuilder routes, string prefix = "/operations")
        where TDbContext : DbContext, IMessagingDbContext
    {
        var operations = routes.MapGroup(prefix).WithTags("Operations").RequireRoles(StaffRoles.ChainAdmin);
        operations.MapGet("/outbox", (TDbContext db, CancellationToken cancellationToken) => State(db, cancellationToken))
            .WithSummary("The outbox: events waiting, archived and parked, with each parked event's error.");
        operations.MapPost("/outbox/{sequence:long}/requeue",
                (long sequence, TDbContext db, OutboxSignal signal, CancellationToken cancellationToken) => Requeue(sequence, db, signal, cancellationToken))
            .WithSummary("Sends a parked event back to the relay, once the cause of its failure is fixed.");
        operations.MapPost("/archive/replay", Replay)
            .WithSummary("Replays the event archive, in order, to one subscriber's replay queue (its inbox drops what it has applied).");
        return routes;
    }

    private static async Task<Ok<OutboxState>> State<TDbContext>(TDbContext db, CancellationToken cancellationToken)
        where TDbContext : DbContext, IMessagingDbContext
    {
        var rows = db.OutboxMessages.AsNoTracking();
        var pending = rows.Where(m => m.SentAt == null && m.ParkedAt == null);
        var parked = await rows.Where(m => m.ParkedAt != null).OrderBy(m => m.Sequence).Take(100)
            .Select(m => new ParkedEvent(m.Sequence, m.MessageId, m.MessageType, m.CreatedAt, m.ParkedAt!.Value, m.FailedAttempts, m.LastError))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new OutboxState(
            await pending.LongCountAsync(cancellationToken),
            await rows.LongCountAsync(m => m.SentAt != null, cancellationToken),
            await rows.LongCountAsync(m => m.ParkedAt != null, cancellationToken),
            await pending.MinAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken),
            parked));
    }

    private static async Task<Results<Ok<ParkedEvent>, ProblemHttpResult>> Requeue<TDbContext>(
        long sequence, TDbContext db, OutboxSignal signal, CancellationToken cancellationToken)
        where TDbContext : DbContext, IMessagingDbContext
    {
        var row = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Sequence == sequence, cancellationToken);
        if (row is null) return Problems.NotFound("outbox event");
        var parkedAt = row.ParkedAt;
        if (!row.Requeue()) return Problems.Conflict("not-parked", $"Event #{sequence} is not parked: it is {(row.SentAt is null ? "waiting to be sent" : "sent")}.");
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Ok(new ParkedEvent(row.Sequence, row.MessageId, row.MessageType, row.CreatedAt, parkedAt!.Value, row.FailedAttempts, row.LastError));
    }

    private static async Task<Results<Ok<ReplayResponse>, ValidationProblem>> Replay(
        ReplayRequest request, IEventArchive archive, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var subscriber = request.Subscriber?.Trim();
        if (string.IsNullOrEmpty(subscriber)) errors.Add("subscriber", "The service to replay to (its name, e.g. reports).");
        else if (subscriber.Length > TextLimits.Name || !subscriber.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            errors.Add("subscriber", "A service name: letters, digits, '-', '_' or '.'.");
        if (request.Since > clock.GetUtcNow()) errors.Add("since", "The start of the replay cannot be in the future.");
        if (errors.Any) return Problems.Invalid(errors);
        var replayed = await archive.ReplayAsync(subscriber!, request.Since, cancellationToken);
        return TypedResults.Ok(new ReplayResponse(subscriber!, request.Since, replayed));
    }
}
