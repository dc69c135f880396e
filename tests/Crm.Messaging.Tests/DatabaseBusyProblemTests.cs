using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Crm.Messaging.Tests;

/// <summary>A database that does not answer in time makes a 503 the client may retry, never a 500.</summary>
public sealed class DatabaseBusyProblemTests
{
    private static async Task<(bool Handled, HttpContext Context, JsonElement Body)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.Path = "/api/customers";
        context.Response.Body = new MemoryStream();
        var handler = new DatabaseBusyProblemHandler(services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(), NullLogger<DatabaseBusyProblemHandler>.Instance);
        var handled = await handler.TryHandleAsync(context, exception, CancellationToken.None);
        context.Response.Body.Position = 0;
        var body = context.Response.Body.Length > 0 ? JsonSerializer.Deserialize<JsonElement>(context.Response.Body) : default;
        return (handled, context, body);
    }

    public static TheoryData<string> BusyFaults() => ["command timeout", "retries used up", "wrapped by EF"];

    private static Exception Fault(string kind) => kind switch
    {
        "command timeout" => new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt")),
        "retries used up" => new RetryLimitExceededException("The maximum number of retries (6) was exceeded.", new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111))),
        _ => new DbUpdateException("An error occurred while saving the entity changes.", new NpgsqlException("Exception while reading from stream", new TimeoutException())),
    };

    [Theory]
    [MemberData(nameof(BusyFaults))]
    public async Task A_database_that_did_not_answer_in_time_is_a_503_with_retry_after(string kind)
    {
        var (handled, context, body) = await HandleAsync(Fault(kind));

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal(("The service is busy.", "busy", 503), (body.GetProperty("title").GetString(), body.GetProperty("code").GetString(), body.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task Any_other_fault_is_left_to_the_next_handler()
    {
        var (handled, context, _) = await HandleAsync(new InvalidOperationException("A bug."));

        Assert.False(handled);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }
}
