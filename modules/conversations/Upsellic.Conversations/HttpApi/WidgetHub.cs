using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Upsellic.Framework.Domain;
using Upsellic.WidgetSettings;

namespace Upsellic.Conversations.HttpApi;

/// <summary>
/// Server-to-shopper pushes of one conversation: MessageAdded, ConversationUpdated, Typing. A connection must name
/// its conversation and prove the visitor token; it then joins that conversation's group and nothing else.
/// Pushes are hints: the widget rebuilds its view from GET ...?after=N after every (re)connect.
/// </summary>
public sealed class WidgetHub : Hub
{
    public const string Path = "/hubs/widget";
    public const string MessageAddedEvent = "MessageAdded";
    public const string ConversationUpdatedEvent = "ConversationUpdated";
    public const string TypingEvent = "Typing";

    public static string GroupName(Guid conversationId) => $"conversation:{conversationId:N}";

    public override async Task OnConnectedAsync()
    {
        var httpContext = Context.GetHttpContext() ?? throw new HubException("The widget hub needs an HTTP connection.");
        var services = httpContext.RequestServices;
        try
        {
            await services.GetRequiredService<IWidgetSettingsIntegrationService>().EnsureWidgetRequestAllowedAsync(
                httpContext.Request.Headers.Origin.ToString(), $"{httpContext.Request.Scheme}://{httpContext.Request.Host}", Context.ConnectionAborted);
            if (!Guid.TryParse(httpContext.Request.Query["conversationId"], out var conversationId))
            {
                throw new BusinessException(ConversationErrorCodes.NotFound, "Name the conversation to follow.", StatusCodes.Status400BadRequest);
            }

            await services.GetRequiredService<IWidgetConversationAppService>()
                .EnsureVisitorAsync(conversationId, httpContext.Request.Query["visitorToken"], Context.ConnectionAborted);
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(conversationId), Context.ConnectionAborted);
        }
        catch (BusinessException e)
        {
            // The client sees why it was refused; the connection is closed by the throw.
            throw new HubException(e.Message);
        }

        await base.OnConnectedAsync();
    }
}
