using System.Diagnostics;

namespace Crm.Gateway.Security;

/// <summary>Records every write that reaches the gateway: who (user, role, store), when, from where, and its answer.</summary>
public sealed class Audit(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TimeProvider clock)
    {
        await next(context);
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
            return;
        // The console's own requests (its sign-in form, its live connection) are not writes; what its users change
        // comes through the API, with their tokens, and is recorded there.
        if (ConsoleRoute.Serves(context.Request.Path)) return;

        // Resolved for writes only: a read costs no database context.
        var db = context.RequestServices.GetRequiredService<GatewayDbContext>();
        var user = context.User;
        db.Audit.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = user.FindFirst(StaffClaims.UserId)?.Value,
            Username = user.FindFirst(StaffClaims.Name)?.Value,
            Role = user.FindFirst(StaffClaims.Role)?.Value,
            StoreId = Guid.TryParse(user.FindFirst(StaffClaims.StoreId)?.Value, out var store) ? store : null,
            Method = context.Request.Method,
            Path = Truncate(context.Request.Path.Value ?? "", 500),
            Status = context.Response.StatusCode,
            RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
            TraceId = Activity.Current?.TraceId.ToString(),
        });
        // The answer has gone out; the record must be written even if the client left.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
