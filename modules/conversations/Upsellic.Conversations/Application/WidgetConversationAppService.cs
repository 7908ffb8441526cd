using Microsoft.EntityFrameworkCore;
using Upsellic.Conversations.BackgroundJobs;
using Upsellic.Conversations.Domain;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Framework.BackgroundJobs;
using Upsellic.Framework.Domain;
using Upsellic.Framework.Validation;
using Upsellic.WidgetSettings;

namespace Upsellic.Conversations.Application;

/// <summary>The shopper's side: the tenant is the widget key's; every call after Start proves the visitor token.</summary>
public sealed class WidgetConversationAppService(
    ConversationsDbContext db,
    MessageAppender appender,
    IWidgetSettingsIntegrationService widgetSettings,
    IBackgroundJobManager jobs,
    TimeProvider clock) : IWidgetConversationAppService
{
    public async Task<StartConversationResult> StartAsync(CancellationToken cancellationToken = default)
    {
        var settings = await widgetSettings.GetPublicSettingsAsync(cancellationToken);
        if (!settings.LiveChatEnabled)
        {
            throw new BusinessException(WidgetSettingsErrorCodes.LiveChatDisabled, "Chat is switched off for this store right now.", 403);
        }

        var (conversation, visitorToken) = Conversation.Start(clock.GetUtcNow(), pageUrl: null);
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(cancellationToken);
        return new StartConversationResult(conversation.Id, visitorToken, settings.Greeting);
    }

    public async Task<MessageDto> SendAsync(Guid conversationId, string? visitorToken, SendMessageRequest request, CancellationToken cancellationToken = default)
    {
        await new ShopperMessageValidator().ValidateOrThrowAsync(request, cancellationToken);
        var conversation = await FindForVisitorAsync(conversationId, visitorToken, cancellationToken);
        conversation.EnsureShopperMayWrite();
        var result = await appender.AppendAsync(conversation,
            new NewMessage(MessageRole.Shopper, request.Text!.Trim(), ClientMessageId: request.ClientMessageId), cancellationToken);
        if (!result.Duplicate && conversation.AssistantMaySpeak)
        {
            // Answered at once in this process; UnansweredMessageSweep answers instead if this process dies first.
            jobs.RunInBackground(new AssistantTurnArgs(conversation.Id, result.Message.Sequence));
        }

        return result.Message.ToDto();
    }

    public async Task<ConversationDto> GetAsync(Guid conversationId, string? visitorToken, long? after, CancellationToken cancellationToken = default)
    {
        var conversation = await FindForVisitorAsync(conversationId, visitorToken, cancellationToken);
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Sequence > (after ?? 0))
            .OrderBy(m => m.Sequence)
            .ToListAsync(cancellationToken);
        return conversation.ToDto(messages.Select(m => m.ToDto()).ToList());
    }

    public async Task EnsureVisitorAsync(Guid conversationId, string? visitorToken, CancellationToken cancellationToken = default) =>
        await FindForVisitorAsync(conversationId, visitorToken, cancellationToken);

    private async Task<Conversation> FindForVisitorAsync(Guid conversationId, string? visitorToken, CancellationToken cancellationToken)
    {
        // The tenant filter already hides other stores' conversations: another key finds nothing here.
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken)
            ?? throw new BusinessException(ConversationErrorCodes.NotFound, "This conversation does not exist.", 404);
        if (!conversation.IsVisitor(visitorToken))
        {
            throw new BusinessException(ConversationErrorCodes.InvalidVisitor, "This conversation belongs to another visitor.", 403);
        }

        return conversation;
    }
}

internal static class ConversationMappings
{
    public static ConversationDto ToDto(this Conversation conversation, IReadOnlyList<MessageDto> messages) => new(
        conversation.Id,
        conversation.Status,
        conversation.HandoffCategory,
        conversation.AssignedAgentName,
        conversation.ContactChannels(),
        messages);
}
