namespace Crm.Dispatch.Jobs;

/// <summary>Wakes every automatic-dispatch worker as soon as a customer was filed, instead of at their next poll.</summary>
public sealed class AutomaticDispatchSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Taken before looking for work: a notification that comes while looking is not missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
