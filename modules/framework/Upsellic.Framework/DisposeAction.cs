namespace Upsellic.Framework;

/// <summary>Runs an action once when disposed; used to restore ambient state (tenant, filters) at the end of a scope.</summary>
public sealed class DisposeAction(Action action) : IDisposable
{
    private Action? _action = action;

    public void Dispose() => Interlocked.Exchange(ref _action, null)?.Invoke();
}
