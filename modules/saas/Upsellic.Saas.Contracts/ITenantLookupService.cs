namespace Upsellic.Saas;

/// <summary>Integration service for other modules: find a tenant without touching the SaaS module's data.</summary>
public interface ITenantLookupService
{
    Task<Guid?> FindIdByNameAsync(string storeName, CancellationToken cancellationToken = default);

    Task<TenantInfoDto?> FindAsync(Guid tenantId, CancellationToken cancellationToken = default);
}

public sealed record TenantInfoDto(Guid Id, string Name, TenantStatus Status);
