using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;

namespace Upsellic.Conversations.HttpApi;

/// <summary>
/// Server-to-shopper pushes of one conversation: MessageAdded, ConversationUpdated, Typing. A connection must name
/// its conversation and prove the visitor token (<see cref="WidgetVisitorRequirement"/>); it then joins that
/// conversation's group and nothing else.
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
        // WidgetVisitorRequirement has already proved the key, the origin and the visitor token of this conversation.
        var conversationId = Guid.Parse(Context.GetHttpContext()!.Request.Query["conversationId"]!);
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(conversationId), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }
}
