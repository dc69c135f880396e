using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Http;

/// <summary>
/// An instant sent with any offset (2026-11-28T10:00:00+08:00, as a store in China writes it) is read as the same
/// instant in UTC, the only offset the database keeps. Answers are written in UTC.
/// </summary>
public sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime());
}
