using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Upsellic.Conversations.EntityFrameworkCore;

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
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(ConversationId), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// The shopper is typing: a hint for the store's agents, once the conversation is theirs. The AI gets none, and
    /// a closed conversation passes nothing on.
    /// </summary>
    public async Task Typing(ConversationsDbContext db, IHubContext<LiveChatHub> agents)
    {
        var tenantId = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == ConversationId && c.HandedOffAt != null && c.Status != ConversationStatus.Closed)
            .Select(c => c.TenantId)
            .SingleOrDefaultAsync(Context.ConnectionAborted);
        if (tenantId is { } tenant)
        {
            await agents.Clients.Group(LiveChatHub.AgentsGroup(tenant))
                .SendAsync(TypingEvent, new { conversationId = ConversationId }, Context.ConnectionAborted);
        }
    }

    /// <summary>WidgetVisitorRequirement has already proved the key, the origin and the visitor token of this conversation.</summary>
    private Guid ConversationId => Guid.Parse(Context.GetHttpContext()!.Request.Query["conversationId"]!);
}
