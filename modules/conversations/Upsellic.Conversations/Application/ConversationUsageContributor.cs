using Microsoft.EntityFrameworkCore;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Framework.Data;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Saas;

namespace Upsellic.Conversations.Application;

/// <summary>Conversations and handoffs per store, for the platform admin's tenant list.</summary>
public sealed class ConversationUsageContributor(ConversationsDbContext db, IDataFilter dataFilter) : ITenantUsageContributor
{
    public async Task ContributeAsync(IReadOnlyCollection<Guid> tenantIds, IDictionary<Guid, TenantUsage> usage, CancellationToken cancellationToken)
    {
        // The platform admin counts every store's conversations: the tenant filter is lifted for this query only.
        using (dataFilter.Disable<IMultiTenant>())
        {
            var counts = await db.Conversations.AsNoTracking()
                .Where(c => c.TenantId != null && tenantIds.Contains(c.TenantId.Value))
                .GroupBy(c => c.TenantId!.Value)
                .Select(g => new { TenantId = g.Key, Conversations = g.Count(), Handoffs = g.Count(c => c.HandedOffAt != null) })
                .ToListAsync(cancellationToken);
            foreach (var count in counts)
            {
                usage[count.TenantId].Conversations = count.Conversations;
                usage[count.TenantId].Handoffs = count.Handoffs;
            }
        }
    }
}
