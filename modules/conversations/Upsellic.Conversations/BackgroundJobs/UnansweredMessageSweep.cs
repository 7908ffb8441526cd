using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Upsellic.Conversations.Domain;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Framework.BackgroundJobs;
using Upsellic.Framework.Data;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Conversations.BackgroundJobs;

/// <summary>
/// The AI turn's safety net. The turn runs in the process that stored the shopper's message, at once (a durable job
/// per message would cost a dozen storage round trips beside the turn, on every message); a host that dies first
/// leaves the message unanswered. A conversation the AI still handles whose last message is the shopper's, older than
/// <see cref="AnswerGrace"/>, gets its turn run here. The turn is safe to run twice: one AI reply per shopper message.
/// </summary>
public sealed class UnansweredMessageSweep(
    ConversationsDbContext db,
    IBackgroundJob<AssistantTurnArgs> assistantTurn,
    IDataFilter dataFilter,
    ICurrentTenant currentTenant,
    TimeProvider clock,
    ILogger<UnansweredMessageSweep> logger)
{
    /// <summary>Far beyond a turn's own time (milliseconds, or the LLM's timeout): only a lost turn is this late.</summary>
    public static readonly TimeSpan AnswerGrace = TimeSpan.FromSeconds(20);

    /// <summary>A shopper unanswered this long has left; the AI would only speak into an empty room.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    /// <summary>After an outage, the backlog is worked off a batch per sweep rather than all at once.</summary>
    private const int BatchSize = 50;

    private sealed record Unanswered(Guid Id, Guid TenantId, long ShopperSequence);

    /// <summary>Runs the turn of every conversation left unanswered (a batch at most); returns how many it found.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset lateSince = now - AnswerGrace, notBefore = now - GiveUpAfter;
        List<Unanswered> unanswered;
        using (dataFilter.Disable<IMultiTenant>())
        {
            unanswered = await db.Conversations.AsNoTracking()
                .Where(c => c.Status == ConversationStatus.Assistant && c.LastMessageAt < lateSince && c.LastMessageAt > notBefore
                    && db.Messages.Any(m => m.ConversationId == c.Id && m.Sequence == c.LastSequence && m.Role == MessageRole.Shopper))
                .OrderBy(c => c.LastMessageAt)
                .Select(c => new Unanswered(c.Id, c.TenantId!.Value, c.LastSequence))
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        foreach (var conversation in unanswered)
        {
            logger.LogWarning("Shopper message {Sequence} of {ConversationId} was left unanswered (its turn was lost): answering now",
                conversation.ShopperSequence, conversation.Id);
            using (currentTenant.Change(conversation.TenantId))
            {
                try
                {
                    await assistantTurn.ExecuteAsync(new AssistantTurnArgs(conversation.Id, conversation.ShopperSequence), cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One conversation that fails must not hold up the others behind it; the next sweep tries it again.
                    logger.LogError(e, "The turn of {ConversationId} failed again", conversation.Id);
                }

                db.ChangeTracker.Clear();
            }
        }

        return unanswered.Count;
    }
}
