using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upsellic.Framework.Data;
using Upsellic.Framework.MultiTenancy;
using Upsellic.WidgetSettings.EntityFrameworkCore;

namespace Upsellic.WidgetSettings.MultiTenancy;

/// <summary>
/// The widget API and hub: the tenant is the owner of the widget key (header X-Widget-Key, or ?key= for the hub,
/// whose WebSocket cannot carry headers). A missing or unknown key resolves to no tenant, which the widget
/// endpoints refuse. Read on every request, so a rotated key stops working at once.
/// </summary>
public sealed class WidgetKeyTenantResolveContributor : ITenantResolveContributor
{
    public string Name => "WidgetKey";

    public int Order => 10;

    public static bool IsWidgetRequest(HttpContext httpContext) =>
        httpContext.Request.Path.StartsWithSegments("/api/widget") || httpContext.Request.Path.StartsWithSegments("/hubs/widget");

    public async ValueTask<TenantResolveResult> ResolveAsync(HttpContext httpContext)
    {
        if (!IsWidgetRequest(httpContext))
        {
            return TenantResolveResult.NotHandled;
        }

        var key = httpContext.Request.Headers[WidgetHeaders.WidgetKey].ToString();
        if (string.IsNullOrEmpty(key))
        {
            key = httpContext.Request.Query["key"].ToString();
        }

        if (string.IsNullOrEmpty(key) || key.Length > 64)
        {
            return TenantResolveResult.Tenant(null);
        }

        var db = httpContext.RequestServices.GetRequiredService<WidgetSettingsDbContext>();
        var dataFilter = httpContext.RequestServices.GetRequiredService<IDataFilter>();
        // The key is what tells us the tenant, so it is looked up across all tenants; keys are unique.
        using (dataFilter.Disable<IMultiTenant>())
        {
            var tenantId = await db.Configurations.AsNoTracking()
                .Where(c => c.WidgetKey == key)
                .Select(c => c.TenantId)
                .SingleOrDefaultAsync(httpContext.RequestAborted);
            return TenantResolveResult.Tenant(tenantId);
        }
    }
}
