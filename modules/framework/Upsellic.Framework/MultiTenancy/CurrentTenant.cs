namespace Upsellic.Framework.MultiTenancy;

/// <summary>The tenant the current request, job or event handler works for; null means the host (platform) side.</summary>
public interface ICurrentTenant
{
    Guid? Id { get; }

    bool IsAvailable => Id.HasValue;

    /// <summary>Switches to <paramref name="tenantId"/> until the returned scope is disposed, then restores the previous tenant.</summary>
    IDisposable Change(Guid? tenantId);
}

public sealed class CurrentTenant : ICurrentTenant
{
    // AsyncLocal flows with the logical call (awaits, Task.Run) but never leaks to other requests.
    private static readonly AsyncLocal<TenantHolder?> Current = new();

    public Guid? Id => Current.Value?.TenantId;

    public IDisposable Change(Guid? tenantId)
    {
        var previous = Current.Value;
        Current.Value = new TenantHolder(tenantId);
        return new DisposeAction(() => Current.Value = previous);
    }

    private sealed record TenantHolder(Guid? TenantId);
}
