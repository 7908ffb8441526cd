using Microsoft.EntityFrameworkCore;
using Upsellic.Saas.Domain;
using Upsellic.Saas.EntityFrameworkCore;

namespace Upsellic.Saas.Application;

public sealed class TenantLookupService(SaasDbContext db) : ITenantLookupService
{
    public async Task<Guid?> FindIdByNameAsync(string storeName, CancellationToken cancellationToken = default)
    {
        var normalized = Tenant.Normalize(storeName.Trim());
        return await db.Tenants.AsNoTracking().Where(t => t.NormalizedName == normalized)
            .Select(t => (Guid?)t.Id).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<TenantInfoDto?> FindAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
            .Select(t => new TenantInfoDto(t.Id, t.Name, t.Status)).SingleOrDefaultAsync(cancellationToken);
}
