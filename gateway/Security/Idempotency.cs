using System.Security.Cryptography;

namespace Crm.Gateway.Security;

/// <summary>
/// Writes sent with an Idempotency-Key (api.md Conventions): the first answer is stored, per caller
/// and key; the same key with the same request gets that answer again, with another request 409.
/// A request that failed on the server (5xx) is not kept, so it can be retried.
/// </summary>
public sealed class Idempotency(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    private static readonly string[] Writes = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    public async Task InvokeAsync(HttpContext context, TimeProvider clock)
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0 || !Writes.Contains(context.Request.Method))
        {
            await next(context);
            return;
        }
        // Resolved for keyed writes only: every other request costs no database context.
        var db = context.RequestServices.GetRequiredService<GatewayDbContext>();
        if (key.Length > 100)
        {
            await Problem(context, StatusCodes.Status400BadRequest, "invalid-idempotency-key", "An Idempotency-Key is at most 100 characters.");
            return;
        }

        var caller = context.User.FindFirst(StaffClaims.UserId)?.Value ?? "anonymous";
        var hash = await HashAsync(context.Request);
        db.IdempotentRequests.Add(new IdempotentRequest { Caller = caller, Key = key, RequestHash = hash, CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var first = await db.IdempotentRequests.AsNoTracking().SingleAsync(r => r.Caller == caller && r.Key == key, context.RequestAborted);
            await AnswerAgainAsync(context, first, hash);
            return;
        }

        var entry = db.IdempotentRequests.Local.Single(r => r.Caller == caller && r.Key == key);
        var original = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode >= 500)
        {
            db.IdempotentRequests.Remove(entry);
        }
        else
        {
            entry.Completed = true;
            entry.Status = context.Response.StatusCode;
            entry.ContentType = context.Response.ContentType;
            entry.Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
            entry.Body = captured.ToArray();
        }
        await db.SaveChangesAsync(CancellationToken.None);
        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task AnswerAgainAsync(HttpContext context, IdempotentRequest first, string hash)
    {
        if (first.RequestHash != hash)
        {
            await Problem(context, StatusCodes.Status409Conflict, "idempotency-key-reused", "This Idempotency-Key was used for another request.");
            return;
        }
        if (!first.Completed)
        {
            await Problem(context, StatusCodes.Status409Conflict, "idempotency-request-in-progress", "The first request with this Idempotency-Key is still running.");
            return;
        }
        context.Response.StatusCode = first.Status;
        if (first.ContentType is not null) context.Response.ContentType = first.ContentType;
        if (first.Location is not null) context.Response.Headers.Location = first.Location;
        context.Response.Headers["Idempotency-Replayed"] = "true";
        await context.Response.Body.WriteAsync(first.Body, context.RequestAborted);
    }

    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0) sha.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static Task Problem(HttpContext context, int status, string code, string detail) =>
        Results.Problem(statusCode: status, title: "The request cannot be repeated this way.", detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = code }).ExecuteAsync(context);
}
