using System.Text.Json;
using System.Text.Json.Serialization;
using Polly.Timeout;

namespace Crm.Web.Gateway;

public static class GatewayJson
{
    /// <summary>The API's JSON: camelCase names, enums by their English names.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A call that got no answer: refused, timed out or cut off.</summary>
    public static bool IsUnreachable(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or TaskCanceledException;
}
