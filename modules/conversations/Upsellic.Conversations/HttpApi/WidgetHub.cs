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
    /// Answers once the connection is in its conversation's group (SignalR runs calls only after OnConnectedAsync): the
    /// widget resyncs after this answer, so a push sent between the handshake and the join is never missed.
    /// </summary>
    public Task Ready() => Task.CompletedTask;

    /// <summary>
    /// The shopper is typing: a hint for the store's agents, once the conversation is theirs. The AI gets none, and
    /// a closed conversation passes nothing on.
    /// </summary>
    public async Task Typing(ConversationsDbContext db, IHubContext<LiveChatHub> agents)
    {
        // The widget sends one hint every two seconds; a script sending more gets no more through.
        var now = Environment.TickCount64;
        if (Context.Items.TryGetValue(LastTypingKey, out var last) && last is long previous && now - previous < 1000)
        {
            return;
        }

        var tenantId = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == ConversationId && c.HandedOffAt != null && c.Status != ConversationStatus.Closed)
            .Select(c => c.TenantId)
            .SingleOrDefaultAsync(Context.ConnectionAborted);
        if (tenantId is { } tenant)
        {
            Context.Items[LastTypingKey] = now;
            await agents.Clients.Group(LiveChatHub.AgentsGroup(tenant))
                .SendAsync(TypingEvent, new { conversationId = ConversationId }, Context.ConnectionAborted);
        }
    }

    private const string LastTypingKey = "upsellic:last-typing";

    /// <summary>WidgetVisitorRequirement has already proved the key, the origin and the visitor token of this conversation.</summary>
    private Guid ConversationId => Guid.Parse(Context.GetHttpContext()!.Request.Query["conversationId"]!);
}
