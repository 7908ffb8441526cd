using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Upsellic.Conversations.Domain;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Framework.Domain;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Framework.Validation;

namespace Upsellic.Conversations.Application;

/// <summary>The agent's side: the queue, the full history, pickup, messages to the shopper, close.</summary>
public sealed class LiveChatAppService(
    ConversationsDbContext db,
    MessageAppender appender,
    AgentPresenceStore presence,
    ICurrentUser currentUser,
    TimeProvider clock) : ILiveChatAppService
{
    public async Task<IReadOnlyList<ConversationSummaryDto>> GetListAsync(ConversationStatus? status, CancellationToken cancellationToken = default)
    {
        var query = db.Conversations.AsNoTracking().Where(c => c.HandedOffAt != null);
        query = status is { } wanted ? query.Where(c => c.Status == wanted) : query.Where(c => c.Status != ConversationStatus.Closed);
        var conversations = await query.OrderBy(c => c.HandedOffAt).Take(200).ToListAsync(cancellationToken);
        var unread = await UnreadAsync(conversations.Select(c => c.Id).ToList(), cancellationToken);
        return conversations.Select(c => c.ToSummary(unread.GetValueOrDefault(c.Id))).ToList();
    }

    public async Task<ConversationDetailDto> GetAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        var conversation = await FindAsync(conversationId, cancellationToken);
        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.Sequence)
            .Select(m => m.ToDto()).ToListAsync(cancellationToken);
        return new ConversationDetailDto(conversation.Id, conversation.Status, conversation.HandoffCategory, conversation.Summary,
            conversation.AssignedAgentId, conversation.AssignedAgentName, conversation.LastMessageAt, conversation.ContactChannels(), messages,
            new ShopperInfoDto(conversation.Reference, conversation.PageUrl, conversation.CreatedAt));
    }

    public async Task<ConversationSummaryDto> ClaimAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        var (agentId, agentName) = Agent();
        var conversation = await ClaimForAsync(conversationId, agentId, agentName, cancellationToken);
        return conversation.ToSummary(0);
    }

    public async Task<MessageDto> SendAsync(Guid conversationId, SendMessageRequest request, CancellationToken cancellationToken = default)
    {
        await new ShopperMessageValidator().ValidateOrThrowAsync(request, cancellationToken);
        var (agentId, agentName) = Agent();
        var conversation = await FindAsync(conversationId, cancellationToken);
        if (conversation.Status == ConversationStatus.Closed)
        {
            throw new BusinessException(ConversationErrorCodes.Closed, "This conversation has ended.", 409);
        }

        if (conversation.Status != ConversationStatus.WithAgent)
        {
            // Answering is picking up: the first message of an agent claims the conversation for them.
            conversation = await ClaimForAsync(conversationId, agentId, agentName, cancellationToken);
        }
        else if (conversation.AssignedAgentId != agentId)
        {
            throw new BusinessException(LiveChatErrorCodes.NotYours, $"{conversation.AssignedAgentName} is handling this conversation.", 409);
        }

        conversation.RecordAgentReply(clock.GetUtcNow());
        var result = await appender.AppendAsync(conversation,
            new NewMessage(MessageRole.Agent, request.Text!.Trim(), agentName, request.ClientMessageId, AuthorUserId: agentId), cancellationToken);
        return result.Message.ToDto();
    }

    public async Task CloseAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        var conversation = await FindAsync(conversationId, cancellationToken);
        if (conversation.Status == ConversationStatus.Closed)
        {
            return;
        }

        var (_, agentName) = Agent();
        conversation.Close(clock.GetUtcNow());
        await appender.AppendAsync(conversation, new NewMessage(MessageRole.System, $"{agentName} ended the conversation."), cancellationToken);
    }

    public Task<IReadOnlyList<AgentPresenceDto>> GetPresenceAsync(CancellationToken cancellationToken = default) => presence.GetAsync(cancellationToken);

    /// <summary>
    /// The claim is one conditional UPDATE: of two agents picking up at once, the database lets exactly one through.
    /// </summary>
    private async Task<Conversation> ClaimForAsync(Guid conversationId, Guid agentId, string agentName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var won = await db.Conversations
            .Where(c => c.Id == conversationId && c.Status == ConversationStatus.AwaitingAgent)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ConversationStatus.WithAgent)
                .SetProperty(c => c.AssignedAgentId, agentId)
                .SetProperty(c => c.AssignedAgentName, agentName)
                .SetProperty(c => c.PickedUpAt, now), cancellationToken);
        db.ChangeTracker.Clear();
        var conversation = await FindAsync(conversationId, cancellationToken);
        if (won == 0)
        {
            if (conversation.Status == ConversationStatus.WithAgent && conversation.AssignedAgentId == agentId)
            {
                return conversation;
            }

            throw conversation.Status == ConversationStatus.WithAgent
                ? new BusinessException(LiveChatErrorCodes.AlreadyClaimed, $"{conversation.AssignedAgentName} has already picked this conversation up.", 409)
                : new BusinessException(LiveChatErrorCodes.NotClaimable, "Only a conversation waiting for an agent can be picked up.", 409);
        }

        conversation.AnnounceClaim();
        await appender.AppendAsync(conversation, new NewMessage(MessageRole.System, $"{agentName} joined the chat."), cancellationToken);
        return conversation;
    }

    private async Task<Conversation> FindAsync(Guid conversationId, CancellationToken cancellationToken) =>
        await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken)
        ?? throw new BusinessException(ConversationErrorCodes.NotFound, "This conversation does not exist.", 404);

    private (Guid Id, string Name) Agent() =>
        (currentUser.Id ?? throw new BusinessException("LiveChat:NoAgent", "Sign in as a member of the store.", 401), currentUser.Name ?? "Agent");

    /// <summary>Shopper messages since the last message of a person on the store's side.</summary>
    private async Task<Dictionary<Guid, int>> UnreadAsync(List<Guid> ids, CancellationToken cancellationToken) =>
        await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.ConversationId) && m.Role == MessageRole.Shopper
                && !db.Messages.Any(a => a.ConversationId == m.ConversationId && a.Role == MessageRole.Agent && a.Sequence > m.Sequence))
            .GroupBy(m => m.ConversationId)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, cancellationToken);
}

internal static class LiveChatMappings
{
    public static IReadOnlyList<ContactChannelDto>? ContactChannels(this Conversation c) =>
        c.ContactChannelsJson is null ? null : JsonSerializer.Deserialize<List<ContactChannelDto>>(c.ContactChannelsJson, JsonSerializerOptions.Web);
}
