namespace Crm.Dispatch.Domain;

/// <summary>Dispatch's copy of a store, with the count of its dispatches that rotation numbers them by.</summary>
public sealed class DispatchStore : StoreCopy
{
    /// <summary>How many dispatches the store has made: each takes the next number, under the store's lock.</summary>
    public long DispatchCount { get; private set; }

    public long NextDispatch() => ++DispatchCount;
}
