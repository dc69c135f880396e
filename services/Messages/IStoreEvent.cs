namespace Crm.Messages;

/// <summary>
/// An event about one store. Events of one store are published in the order they were committed; events
/// of different stores are published side by side, so that one store's burst does not hold up the others.
/// </summary>
public interface IStoreEvent
{
    Guid StoreId { get; }
}
