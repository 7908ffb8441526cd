using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Upsellic.Framework.MultiTenancy;

/// <summary>
/// Resolves the request's tenant (after authentication) and makes it current for the rest of the pipeline.
/// A tenant that is unknown or disabled is refused on every request, so a disabled store's cookies and tokens stop
/// working at once rather than when they expire.
/// </summary>
public sealed class MultiTenancyMiddleware(RequestDelegate next, ILogger<MultiTenancyMiddleware> logger)
{
    public const string TenantUnavailableReason = "tenant-unavailable";

    public async Task InvokeAsync(HttpContext httpContext, ICurrentTenant currentTenant, ITenantStore tenantStore,
        IEnumerable<ITenantResolveContributor> contributors)
    {
        Guid? tenantId = null;
        foreach (var contributor in contributors.OrderBy(c => c.Order))
        {
            var result = await contributor.ResolveAsync(httpContext);
            if (result.Handled)
            {
                tenantId = result.TenantId;
                break;
            }
        }

        if (tenantId is { } id)
        {
            var tenant = await tenantStore.FindAsync(id, httpContext.RequestAborted);
            if (tenant is not { IsActive: true })
            {
                logger.LogInformation("Refused a request for unavailable tenant {TenantId}", id);
                await RefuseAsync(httpContext);
                return;
            }
        }

        using (currentTenant.Change(tenantId))
        {
            await next(httpContext);
        }
    }

    private static async Task RefuseAsync(HttpContext httpContext)
    {
        if (httpContext.User.Identity?.IsAuthenticated == true && IsPageRequest(httpContext))
        {
            // The dashboard cookie belongs to a store that was disabled: drop it and explain on the login page.
            await httpContext.SignOutAsync();
            httpContext.Response.Redirect($"/account/login?reason={TenantUnavailableReason}");
            return;
        }

        var problems = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        httpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "This store is not available.",
                Detail = "The store (tenant) is disabled or no longer exists. Contact the platform administrator.",
                Extensions = { ["code"] = "Upsellic:TenantUnavailable" },
            },
        });
    }

    private static bool IsPageRequest(HttpContext httpContext) =>
        !httpContext.Request.Path.StartsWithSegments("/api") && !httpContext.Request.Path.StartsWithSegments("/hubs");
}
