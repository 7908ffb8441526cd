using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Upsellic.Framework.Domain;
using Upsellic.WidgetSettings;

namespace Upsellic.Conversations.HttpApi;

/// <summary>
/// Guards the widget hub before SignalR accepts anything (negotiate and connect alike): the widget key must name an
/// available store whose allowed origins include the page, and the visitor token must belong to the conversation
/// named in the query. A refused shopper gets a 401/403 instead of a connection that closes later.
/// </summary>
public sealed class WidgetVisitorRequirement : IAuthorizationRequirement
{
    public const string PolicyName = "WidgetVisitor";
}

public sealed class WidgetVisitorAuthorizationHandler(IWidgetSettingsIntegrationService widgetSettings, IWidgetConversationAppService conversations)
    : AuthorizationHandler<WidgetVisitorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, WidgetVisitorRequirement requirement)
    {
        if (context.Resource is not HttpContext httpContext || !Guid.TryParse(httpContext.Request.Query["conversationId"], out var conversationId))
        {
            return;
        }

        try
        {
            await widgetSettings.EnsureWidgetRequestAllowedAsync(httpContext.Request.Headers.Origin.ToString(),
                $"{httpContext.Request.Scheme}://{httpContext.Request.Host}", httpContext.RequestAborted);
            await conversations.EnsureVisitorAsync(conversationId, httpContext.Request.Query["visitorToken"], httpContext.RequestAborted);
            context.Succeed(requirement);
        }
        catch (BusinessException)
        {
            // Not succeeding is the refusal; the reason is the same one the widget's HTTP calls get.
        }
    }
}
