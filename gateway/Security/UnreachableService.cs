using Yarp.ReverseProxy.Forwarder;

namespace Crm.Gateway.Security;

/// <summary>
/// A service the gateway cannot reach (stopped, restarting) or that does not answer is a problem with
/// Retry-After that says which, instead of YARP's bare 502 or 504: 503 <c>service-unavailable</c> when
/// the request never reached the service (nothing changed: send it again), 504 <c>service-timeout</c>
/// when it was sent and no answer came (a write may have been made: look before sending it again).
/// </summary>
public static class UnreachableService
{
    public static void UseUnreachableServiceProblems(this IReverseProxyApplicationBuilder proxy) =>
        proxy.Use(async (context, next) =>
        {
            await next();
            var error = context.GetForwarderErrorFeature();
            if (error is null || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested) return;
            var notSent = error.Error is ForwarderError.Request or ForwarderError.NoAvailableDestinations;
            context.Response.Clear();
            context.Response.Headers.RetryAfter = "5";
            await Results.Problem(
                statusCode: notSent ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status504GatewayTimeout,
                title: notSent ? "This part of the system is not reachable right now." : "This part of the system did not answer in time.",
                detail: notSent
                    ? "The request did not reach the service behind it and changed nothing. Send it again in a few seconds."
                    : "The request reached the service but no answer came back; a change may have been made. Look before sending a write again.",
                extensions: new Dictionary<string, object?> { ["code"] = notSent ? "service-unavailable" : "service-timeout" })
                .ExecuteAsync(context);
        });
}
