using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upsellic.Conversations.Domain;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Framework.BackgroundJobs;
using Upsellic.Framework.Data;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Conversations.BackgroundJobs;

/// <summary>
/// The pickup timeout's safety net. Its Hangfire job is scheduled just after the handoff's commit (so that the agents
/// are told without waiting for Hangfire), and a host that dies in that moment leaves a handoff without one: a handoff
/// still unanswered <see cref="LiveChatOptions.LostPickupTimeoutGrace"/> past its timeout, without the channels, gets
/// the timeout run here. Safe beside a late job: the offer is claimed once.
/// </summary>
public sealed class LostPickupTimeoutSweep(
    ConversationsDbContext db,
    IBackgroundJob<PickupTimeoutArgs> pickupTimeout,
    IDataFilter dataFilter,
    ICurrentTenant currentTenant,
    IOptions<LiveChatOptions> options,
    TimeProvider clock,
    ILogger<LostPickupTimeoutSweep> logger)
{
    private sealed record Overdue(Guid Id, Guid TenantId);

    /// <summary>Runs the timeout of every overdue handoff of every store; returns how many it found.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var dueBefore = now - options.Value.PickupTimeout - options.Value.LostPickupTimeoutGrace;
        // As in the absence sweep: a handoff a day old is a shopper long gone, not a timer to fire.
        var recent = now - TimeSpan.FromDays(1);
        List<Overdue> overdue;
        using (dataFilter.Disable<IMultiTenant>())
        {
            overdue = await db.Conversations.AsNoTracking()
                .Where(c => (c.Status == ConversationStatus.AwaitingAgent || c.Status == ConversationStatus.WithAgent)
                    && c.FirstAgentReplyAt == null && c.ContactChannelsJson == null && c.HandedOffAt < dueBefore && c.HandedOffAt > recent)
                .Select(c => new Overdue(c.Id, c.TenantId!.Value))
                .ToListAsync(cancellationToken);
        }

        foreach (var conversation in overdue)
        {
            logger.LogWarning("Conversation {ConversationId} is past its pickup timeout without the channels (its job was lost): offering them now",
                conversation.Id);
            using (currentTenant.Change(conversation.TenantId))
            {
                try
                {
                    await pickupTimeout.ExecuteAsync(new PickupTimeoutArgs(conversation.Id), cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One conversation that fails must not hold up the others; the next sweep tries it again.
                    logger.LogError(e, "The pickup timeout of {ConversationId} failed", conversation.Id);
                }

                db.ChangeTracker.Clear();
            }
        }

        return overdue.Count;
    }
}
