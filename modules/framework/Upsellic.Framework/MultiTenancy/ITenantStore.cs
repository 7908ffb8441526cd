namespace Upsellic.Framework.MultiTenancy;

/// <summary>Answers whether a tenant exists and may be served; implemented by the SaaS module.</summary>
public interface ITenantStore
{
    Task<TenantConfiguration?> FindAsync(Guid tenantId, CancellationToken cancellationToken = default);
}

public sealed record TenantConfiguration(Guid Id, string Name, bool IsActive);
