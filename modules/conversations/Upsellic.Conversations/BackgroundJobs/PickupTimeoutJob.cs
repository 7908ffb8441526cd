using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upsellic.Conversations.Application;
using Upsellic.Conversations.Domain;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Framework.BackgroundJobs;
using Upsellic.WidgetSettings;

namespace Upsellic.Conversations.BackgroundJobs;

public sealed record PickupTimeoutArgs(Guid ConversationId);

/// <summary>
/// Fires <see cref="LiveChatOptions.PickupTimeout"/> after a handoff to an online agent: if no agent has written yet,
/// the shopper is shown the store's other channels (the conversation stays in the queue, and a late agent still
/// reaches the shopper). Safe to run twice; does nothing once an agent has answered.
/// </summary>
public sealed class PickupTimeoutJob(
    ConversationsDbContext db,
    MessageAppender appender,
    IWidgetSettingsIntegrationService widgetSettings,
    IOptions<LiveChatOptions> options,
    TimeProvider clock) : IBackgroundJob<PickupTimeoutArgs>
{
    /// <summary>
    /// Hangfire stores a schedule to the whole second, so a job can start up to a second before it is due; an earlier
    /// start than this margin is not a rounding effect, and the job then acts at once as it always did.
    /// </summary>
    private static readonly TimeSpan MaxEarlyStart = TimeSpan.FromSeconds(2);

    public async Task ExecuteAsync(PickupTimeoutArgs args, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == args.ConversationId, cancellationToken);
        if (!StillWaitingForAnAgent(conversation))
        {
            return;
        }

        // Started early: wait out the rest, so an agent has the whole timeout, then look again (they may have written).
        var early = conversation.HandedOffAt + options.Value.PickupTimeout - clock.GetUtcNow();
        if (early > TimeSpan.Zero && early <= MaxEarlyStart)
        {
            await Task.Delay(early.Value, clock, cancellationToken);
            await db.Entry(conversation).ReloadAsync(cancellationToken);
            if (!StillWaitingForAnAgent(conversation))
            {
                return;
            }
        }

        // Claimed once (the absence watcher may be offering at the same moment); the notice follows; the widget gets both.
        if (await widgetSettings.TryOfferOnceAsync(db, conversation, clock.GetUtcNow(), cancellationToken))
        {
            await appender.AppendAsync(conversation,
                new NewMessage(MessageRole.System, "Our team hasn't been able to join yet, sorry for the wait. You can also reach us here:"), cancellationToken);
        }
    }

    private static bool StillWaitingForAnAgent([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] Conversation? conversation) =>
        conversation is { FirstAgentReplyAt: null, ContactChannelsJson: null, Status: ConversationStatus.AwaitingAgent or ConversationStatus.WithAgent };
}
