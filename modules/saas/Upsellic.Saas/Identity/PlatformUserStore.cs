using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Upsellic.Framework.Data;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Saas.EntityFrameworkCore;

namespace Upsellic.Saas.Identity;

/// <summary>
/// Identity's user store with the tenant filter lifted for lookups by a unique key. Sign-in and cookie/token
/// validation happen before any tenant is known, and ids and emails are unique across the platform, so such a
/// lookup can only ever find the one user it names. Listing users (the Users queryable) stays tenant-filtered.
/// </summary>
public sealed class PlatformUserStore(SaasDbContext context, IDataFilter dataFilter, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, AppRole, SaasDbContext, Guid>(context, describer)
{
    public override async Task<AppUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        using (dataFilter.Disable<IMultiTenant>())
        {
            return await base.FindByIdAsync(userId, cancellationToken);
        }
    }

    public override async Task<AppUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default)
    {
        using (dataFilter.Disable<IMultiTenant>())
        {
            return await base.FindByNameAsync(normalizedUserName, cancellationToken);
        }
    }

    public override async Task<AppUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default)
    {
        using (dataFilter.Disable<IMultiTenant>())
        {
            return await base.FindByEmailAsync(normalizedEmail, cancellationToken);
        }
    }
}
