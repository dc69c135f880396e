using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Crm.Messaging;

/// <summary>
/// A request whose database did not answer in time (a command timeout under load, a pool with no free connection, a
/// server away for a moment, retries of a transient fault used up) is answered 503 with Retry-After, not 500: the
/// client may try again. A write may have been committed although its answer was lost, so the problem says to read
/// first or repeat with the same Idempotency-Key (api.md).
/// </summary>
public sealed class DatabaseBusyProblemHandler(IProblemDetailsService problems, ILogger<DatabaseBusyProblemHandler> logger) : IExceptionHandler
{
    public const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsDatabaseBusy(exception)) return false;
        logger.LogWarning(exception, "{Method} {Path}: the database did not answer in time; answered 503", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is busy.",
                Detail = $"Its database did not answer in time. Try again in {RetryAfterSeconds} s; a change may have been made although this answer " +
                         "says nothing of it, so read before you repeat it, or repeat it with the same Idempotency-Key.",
                Extensions = { ["code"] = "busy" },
            },
        });
    }

    /// <summary>Whether the exception, or one it wraps, is a database fault that passes: a timeout, no connection, retries used up.</summary>
    public static bool IsDatabaseBusy(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is RetryLimitExceededException or TimeoutException) return true;
            if (e is NpgsqlException { IsTransient: true }) return true;
        }
        return false;
    }
}
