using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upsellic.Assistant;
using Upsellic.Conversations.Application;
using Upsellic.Conversations.Domain;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Conversations.HttpApi;
using Upsellic.Framework.BackgroundJobs;
using Upsellic.HandoffIntelligence;
using Upsellic.WidgetSettings;

namespace Upsellic.Conversations.BackgroundJobs;

/// <param name="ShopperSequence">The shopper message to answer.</param>
public sealed record AssistantTurnArgs(Guid ConversationId, long ShopperSequence);

/// <summary>
/// The AI's turn after a shopper message: first the handoff decision on the whole conversation; then either the
/// empathetic reply with the handoff (the AI falls silent from then on) or the assistant's answer from the store's
/// knowledge. Safe to run twice: a shopper message gets at most one AI reply (unique ReplyToSequence).
/// </summary>
public sealed class AssistantTurnJob(
    ConversationsDbContext db,
    MessageAppender appender,
    IHandoffDetector handoffDetector,
    IEmpatheticReplyWriter replyWriter,
    IHandoffSummarizer summarizer,
    IShopperAssistant assistant,
    IWidgetSettingsIntegrationService widgetSettings,
    IHubContext<WidgetHub> widgetHub,
    ConversationRouter router,
    IBackgroundJobManager jobs,
    IOptions<LiveChatOptions> liveChatOptions,
    TimeProvider clock,
    ILogger<AssistantTurnJob> logger) : IBackgroundJob<AssistantTurnArgs>
{
    public async Task ExecuteAsync(AssistantTurnArgs args, CancellationToken cancellationToken)
    {
        // The conversation with its messages in one round trip: the shopper is waiting for this turn.
        var loaded = await db.Conversations
            .Where(c => c.Id == args.ConversationId)
            .Select(c => new { Conversation = c, Messages = db.Messages.Where(m => m.ConversationId == c.Id).OrderBy(m => m.Sequence).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (loaded is not { Conversation.AssistantMaySpeak: true })
        {
            return;
        }

        var (conversation, messages) = (loaded.Conversation, loaded.Messages);
        // A newer shopper message will be answered with this one as context; an answered one needs nothing more.
        if (messages.Any(m => m.ReplyToSequence == args.ShopperSequence || (m.Role == MessageRole.Shopper && m.Sequence > args.ShopperSequence)))
        {
            return;
        }

        var settings = await widgetSettings.GetPublicSettingsAsync(cancellationToken);
        await widgetHub.Clients.Group(WidgetHub.GroupName(conversation.Id))
            .SendAsync(WidgetHub.TypingEvent, new TypingDto(MessageRole.Assistant, settings.AssistantName), cancellationToken);

        var turns = messages.Where(m => m.Role != MessageRole.System).ToList();
        var decision = await handoffDetector.DecideAsync(turns.Select(ToHandoffTurn).ToList(), cancellationToken);
        string replyText;
        var waitsForAgent = false;
        if (decision is { Handoff: true, Category: { } category })
        {
            (replyText, waitsForAgent) = await HandOffAsync(conversation, turns, category, decision.Confidence, cancellationToken);
        }
        else
        {
            var reply = await assistant.ReplyAsync(turns.Select(ToChatTurn).ToList(), cancellationToken);
            replyText = reply.Text;
            logger.LogInformation("Assistant answered {ConversationId} on {Topic} (answered: {Answered}, engine: {Engine})",
                conversation.Id, reply.Topic, reply.Answered, reply.Engine);
        }

        var appended = await appender.AppendAsync(conversation,
            new NewMessage(MessageRole.Assistant, replyText, settings.AssistantName, ReplyToSequence: args.ShopperSequence), cancellationToken);
        if (waitsForAgent && !appended.Duplicate)
        {
            // After the commit, whose events have told the agents by now: Hangfire's round trips (a dozen) don't delay
            // them. Should this host die in the moment between, LostPickupTimeoutSweep offers the channels instead.
            jobs.Schedule(new PickupTimeoutArgs(conversation.Id), liveChatOptions.Value.PickupTimeout);
        }
    }

    /// <returns>The empathetic reply, and whether the conversation now waits for an agent (rather than showing the channels).</returns>
    private async Task<(string Reply, bool WaitsForAgent)> HandOffAsync(Conversation conversation, List<Message> turns, HandoffCategory category,
        double confidence, CancellationToken cancellationToken)
    {
        var handoffTurns = turns.Select(ToHandoffTurn).ToList();
        var agent = await router.PickAgentAsync(except: null, cancellationToken);
        var reply = replyWriter.Write(category, handoffTurns, agentOnline: agent is not null, conversation.Id.GetHashCode());
        var summary = await summarizer.SummarizeAsync(handoffTurns, category, cancellationToken);
        var now = clock.GetUtcNow();
        conversation.HandOff(category.ToString(), confidence, summary, now, agent?.UserId, agent?.Name);
        if (agent is null)
        {
            await widgetSettings.OfferAsync(conversation, now, cancellationToken);
        }

        logger.LogInformation("Conversation {ConversationId} handed off as {Category} ({Confidence:0.00}) to {Agent}",
            conversation.Id, category, confidence, agent?.Name ?? "the contact channels");
        return (reply, agent is not null);
    }

    private static ConversationTurn ToHandoffTurn(Message message) => new(
        message.Role switch
        {
            MessageRole.Shopper => TurnRole.Shopper,
            MessageRole.Agent => TurnRole.Agent,
            _ => TurnRole.Assistant,
        },
        message.Text);

    private static ChatTurn ToChatTurn(Message message) => new(
        message.Role switch
        {
            MessageRole.Shopper => ChatRole.Shopper,
            MessageRole.Agent => ChatRole.Agent,
            MessageRole.System => ChatRole.System,
            _ => ChatRole.Assistant,
        },
        message.Text);
}
