using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.CustomerInfo;

/// <summary>The basic information as one JSON document, the way the services store it (a jsonb column): enums by name, absent parts left out.</summary>
public static class BasicInfoJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(BasicInfo info) => JsonSerializer.Serialize(info, Options);

    public static BasicInfo Read(string json) => JsonSerializer.Deserialize<BasicInfo>(json, Options) ?? BasicInfo.Empty;
}
