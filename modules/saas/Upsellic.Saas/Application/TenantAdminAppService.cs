using Microsoft.EntityFrameworkCore;
using Upsellic.Framework.Data;
using Upsellic.Framework.Domain;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Saas.Domain;
using Upsellic.Saas.EntityFrameworkCore;

namespace Upsellic.Saas.Application;

/// <summary>The platform admin's view of the tenants. Runs on the host side (no current tenant).</summary>
public sealed class TenantAdminAppService(
    SaasDbContext db,
    TenantProvisioner provisioner,
    IDataFilter dataFilter,
    IEnumerable<ITenantUsageContributor> usageContributors) : ITenantAdminAppService
{
    public async Task<IReadOnlyList<TenantDto>> GetListAsync(CancellationToken cancellationToken = default)
    {
        var tenants = await db.Tenants.AsNoTracking().OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
        var ids = tenants.Select(t => t.Id).ToList();
        Dictionary<Guid, int> agentCounts;
        // The platform admin counts every store's members, so the tenant filter is lifted for this one query.
        using (dataFilter.Disable<IMultiTenant>())
        {
            agentCounts = await db.Users.Where(u => u.TenantId != null && ids.Contains(u.TenantId.Value))
                .GroupBy(u => u.TenantId!.Value)
                .Select(g => new { TenantId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.TenantId, x => x.Count, cancellationToken);
        }

        var usage = ids.ToDictionary(id => id, id => new TenantUsage { Agents = agentCounts.GetValueOrDefault(id) });
        foreach (var contributor in usageContributors)
        {
            await contributor.ContributeAsync(ids, usage, cancellationToken);
        }

        return tenants.Select(t => new TenantDto(t.Id, t.Name, t.Status, t.CreatedAt,
            usage[t.Id].Agents, usage[t.Id].Conversations, usage[t.Id].Handoffs)).ToList();
    }

    public async Task<CreateTenantResult> CreateAsync(CreateTenantRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            var (tenant, _) = await provisioner.CreateAsync(
                new NewStore(request.StoreName, request.OwnerName, request.OwnerEmail, request.OwnerPassword), cancellationToken);
            return new CreateTenantResult(tenant.Id);
        }
        catch (InputValidationException e)
        {
            // The admin's request names the owner's fields ownerName, ownerEmail, ownerPassword.
            throw new InputValidationException(e.Errors.ToDictionary(
                pair => pair.Key is "name" or "email" or "password" ? "owner" + char.ToUpperInvariant(pair.Key[0]) + pair.Key[1..] : pair.Key,
                pair => pair.Value));
        }
    }

    public Task DisableAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        ChangeAsync(tenantId, t => t.Disable(), cancellationToken);

    public Task EnableAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        ChangeAsync(tenantId, t => t.Enable(), cancellationToken);

    private async Task ChangeAsync(Guid tenantId, Action<Tenant> change, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
            ?? throw new BusinessException(SaasErrorCodes.TenantNotFound, $"Tenant '{tenantId}' was not found.", 404);
        change(tenant);
        await db.SaveChangesAsync(cancellationToken);
    }
}
