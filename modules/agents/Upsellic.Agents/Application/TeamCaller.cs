using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Upsellic.Framework.Domain;
using Upsellic.Saas;

namespace Upsellic.Agents.Application;

/// <summary>The signed-in member calling the team services, read from the request's claims (cookie or bearer token).</summary>
public sealed class TeamCaller(IHttpContextAccessor httpContextAccessor)
{
    /// <summary>The claim the SaaS module's principal factory puts the display name in (AppUserClaimsPrincipalFactory).</summary>
    private const string DisplayNameClaim = "display_name";

    private ClaimsPrincipal Principal => httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal();

    public Guid UserId => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
        ? id
        : throw new BusinessException("Agents:NotSignedIn", "Sign in to manage the team.", 401);

    public string Name => Principal.FindFirstValue(DisplayNameClaim) ?? Principal.Identity?.Name ?? "A teammate";

    public bool IsTeamAdmin => Principal.IsInRole(SaasRoles.Owner) || Principal.IsInRole(SaasRoles.Admin);

    /// <summary>The API routes require the TenantAdmin policy; pages call the services directly, so the rule is kept here too.</summary>
    public void EnsureTeamAdmin()
    {
        if (!IsTeamAdmin)
        {
            throw new BusinessException(AgentsErrorCodes.NotTeamAdmin, "Only the store's owner and admins manage the team.", 403);
        }
    }
}
