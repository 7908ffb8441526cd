using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Saas.Identity;

/// <summary>Puts the user's tenant and display name into the cookie and bearer token; the tenant claim resolves the tenant.</summary>
public sealed class AppUserClaimsPrincipalFactory(UserManager<AppUser> userManager, RoleManager<AppRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UpsellicClaimTypes.DisplayName, user.DisplayName));
        if (user.TenantId is { } tenantId)
        {
            identity.AddClaim(new Claim(UpsellicClaimTypes.TenantId, tenantId.ToString()));
        }

        return identity;
    }
}
