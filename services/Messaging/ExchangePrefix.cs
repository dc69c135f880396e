namespace Crm.Messaging;

/// <summary>
/// Puts a prefix before every exchange name. MassTransit keeps the exchange name formatter
/// process-wide, so a second bus in the same process must replace the prefix, not add another.
/// </summary>
internal sealed class ExchangePrefix : IEntityNameFormatter
{
    private readonly IEntityNameFormatter _names;
    private readonly string _prefix;

    public ExchangePrefix(IEntityNameFormatter current, string prefix)
    {
        _names = current is ExchangePrefix prefixed ? prefixed._names : current;
        _prefix = prefix;
    }

    public string FormatEntityName<T>() => _prefix + _names.FormatEntityName<T>();
}
