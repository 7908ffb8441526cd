using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Upsellic.Framework.MultiTenancy;

/// <summary>One way of finding the tenant of a request (user claim, widget key, ...). The first that answers wins.</summary>
public interface ITenantResolveContributor
{
    string Name { get; }

    /// <summary>Lower runs first: a widget key must win over the cookie of a merchant who tries their own widget.</summary>
    int Order { get; }

    ValueTask<TenantResolveResult> ResolveAsync(HttpContext httpContext);
}

public readonly record struct TenantResolveResult(bool Handled, Guid? TenantId)
{
    public static readonly TenantResolveResult NotHandled = new(false, null);

    public static TenantResolveResult Tenant(Guid? tenantId) => new(true, tenantId);
}

/// <summary>Dashboard and API: the tenant is the signed-in user's tenant claim; a user without one is a platform admin.</summary>
public sealed class ClaimsTenantResolveContributor : ITenantResolveContributor
{
    public string Name => "Claims";

    public int Order => 100;

    public ValueTask<TenantResolveResult> ResolveAsync(HttpContext httpContext)
    {
        var user = httpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return ValueTask.FromResult(TenantResolveResult.NotHandled);
        }

        var claim = user.FindFirstValue(UpsellicClaimTypes.TenantId);
        return ValueTask.FromResult(TenantResolveResult.Tenant(Guid.TryParse(claim, out var id) ? id : null));
    }
}
