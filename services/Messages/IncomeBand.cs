using System.Text.Json.Serialization;

namespace Crm.Messages;

/// <summary>The household's yearly income, in yuan.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IncomeBand>))]
public enum IncomeBand
{
    Under200K,
    From200KTo500K,
    From500KTo1M,
    Over1M,
}
