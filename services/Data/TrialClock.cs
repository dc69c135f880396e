using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Crm.Data;

/// <summary>
/// The clock of a trial installation that an operator can set ahead, to see what the time-based rules do weeks or
/// months later (a customer gone stale after three months) without waiting. Switched on by "Clock:Adjustable" and
/// off by default: a real chain runs on <see cref="TimeProvider.System"/>, and the endpoint does not exist there.
/// Timers still run in real time; only "now" moves.
/// </summary>
public sealed class TrialClock : TimeProvider
{
    public TimeSpan Offset { get; private set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves "now" to the given offset from the real time; never back before the real time.</summary>
    public void Set(TimeSpan offset) => Offset = offset < TimeSpan.Zero ? TimeSpan.Zero : offset;
}

public static class TrialClockSetup
{
    public sealed record ClockRequest(TimeSpan? Offset);

    public sealed record ClockResponse(DateTimeOffset Now, TimeSpan Offset);

    /// <summary>Registers the service's clock: the trial clock when "Clock:Adjustable" is true, the system clock otherwise.</summary>
    public static IHostApplicationBuilder AddServiceClock(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TimeProvider>(builder.Configuration.GetValue<bool>("Clock:Adjustable") ? new TrialClock() : TimeProvider.System);
        return builder;
    }

    /// <summary>On a trial installation only: <c>PUT /operations/clock {offset}</c> sets the clock ahead (ChainAdmin).</summary>
    public static IEndpointRouteBuilder MapTrialClock(this IEndpointRouteBuilder routes)
    {
        if (routes.ServiceProvider.GetRequiredService<TimeProvider>() is not TrialClock clock) return routes;
        routes.MapPut("/operations/clock", (ClockRequest request) =>
            {
                if (request.Offset is not { } offset || offset < TimeSpan.Zero)
                    return (Results<Ok<ClockResponse>, ValidationProblem>)Problems.Invalid("offset", "How far ahead of the real time, as d.hh:mm:ss (0 for the real time).");
                clock.Set(offset);
                return TypedResults.Ok(new ClockResponse(clock.GetUtcNow(), clock.Offset));
            })
            .WithTags("Operations").WithSummary("Trial installations only: sets the service's clock ahead of the real time.").RequireRoles(StaffRoles.ChainAdmin);
        return routes;
    }
}
