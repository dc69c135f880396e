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
    public sealed record ReplayRequest(string? Subscriber, DateTimeOffset? Since);

    public sealed record ReplayResponse(string Subscriber, DateTimeOffset? Since, long Replayed);

    public static IEndpointRouteBuilder MapMessagingOperations(this IEndpointRouteBuilder routes, string prefix = "/operations")
    {
        var operations = routes.MapGroup(prefix).WithTags("Operations").RequireRoles(StaffRoles.ChainAdmin);
        operations.MapGet("/outbox", State)
            .WithSummary("The outbox: events waiting, archived and parked, with each parked event's error.");
        operations.MapPost("/outbox/{sequence:long}/requeue", Requeue)
            .WithSummary("Sends a parked event back to the relay, once the cause of its failure is fixed.");
        operations.MapPost("/archive/replay", Replay)
            .WithSummary("Replays the event archive, in order, to one subscriber's replay queue (its inbox drops what it has applied).");
        return routes;
    }

    private static async Task<Ok<OutboxState>> State(IOutboxAdministration outbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(await outbox.StateAsync(cancellationToken));

    private static async Task<Results<Ok<ParkedEvent>, ProblemHttpResult>> Requeue(
        long sequence, string? shard, IOutboxAdministration outbox, CancellationToken cancellationToken)
    {
        // Sequences count per shard: an event of a further shard is named with ?shard= (the outbox's state says which).
        var (parked, requeued) = await outbox.RequeueAsync(sequence, shard ?? DatabaseShards.Home, cancellationToken);
        if (parked is null) return Problems.NotFound("outbox event");
        return requeued ? TypedResults.Ok(parked) : Problems.Conflict("not-parked", $"Event #{sequence} is not parked: only a parked event is re-queued.");
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
