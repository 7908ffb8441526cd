using Microsoft.EntityFrameworkCore;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Saas.EntityFrameworkCore;

namespace Upsellic.Saas.Application;

/// <summary>
/// Read on every request of a signed-in store user, without caching, so that disabling a store takes effect on the
/// next request on every host instance. A primary-key lookup costs well under a millisecond.
/// </summary>
public sealed class TenantStore(SaasDbContext db) : ITenantStore
{
    public async Task<TenantConfiguration?> FindAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        await db.Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId)
            .Select(t => new TenantConfiguration(t.Id, t.Name, t.Status == TenantStatus.Active))
            .SingleOrDefaultAsync(cancellationToken);
}
