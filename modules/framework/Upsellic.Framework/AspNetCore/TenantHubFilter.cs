using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Framework.AspNetCore;

/// <summary>
/// Restores the signed-in user's tenant around every hub call: a hub method may run outside the HTTP request that
/// resolved the tenant (long polling, server-sent events), so it must not rely on that request's ambient state.
/// </summary>
public sealed class TenantHubFilter(ICurrentTenant currentTenant) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        using (Change(invocationContext.Context))
        {
            return await next(invocationContext);
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        using (Change(context.Context))
        {
            await next(context);
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        using (Change(context.Context))
        {
            await next(context, exception);
        }
    }

    private IDisposable? Change(HubCallerContext context) =>
        Guid.TryParse(context.User?.FindFirstValue(UpsellicClaimTypes.TenantId), out var tenantId) ? currentTenant.Change(tenantId) : null;
}
