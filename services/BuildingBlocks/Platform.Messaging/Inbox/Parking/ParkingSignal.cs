namespace Platform.Messaging.Inbox.Parking;

/// <summary>Wakes the releaser at once when a key is freed by the coordinator (a replay or a discard), instead of at its next poll.</summary>
public sealed class ParkingSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
