using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upsellic.Conversations.Domain;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Framework.Data;
using Upsellic.Framework.EventBus;
using Upsellic.Framework.MultiTenancy;
using Upsellic.WidgetSettings;

namespace Upsellic.Conversations.Application;

/// <summary>
/// A handed-off conversation whose agent left (closed the tab, stopped heartbeating, went away, was removed) before
/// writing to the shopper goes to another online agent; with nobody online, the shopper is offered the store's other
/// channels at once instead of waiting out the pickup timeout. Every change is a conditional UPDATE, so several hosts
/// may run this at the same time and a pickup racing it still wins or loses cleanly.
/// </summary>
public sealed class AbsentAgentReassignment(
    ConversationsDbContext db,
    AgentPresenceStore presence,
    ConversationRouter router,
    MessageAppender appender,
    IWidgetSettingsIntegrationService widgetSettings,
    ILocalEventBus eventBus,
    IDataFilter dataFilter,
    ICurrentTenant currentTenant,
    AbsenceLedger ledger,
    IOptions<LiveChatOptions> options,
    TimeProvider clock,
    ILogger<AbsentAgentReassignment> logger)
{
    public const string StepAwayNotice = "Our team had to step away before joining, sorry. You can reach us here:";

    private sealed record Stranded(Guid Id, Guid TenantId, Guid AgentId, bool PickedUp);

    /// <summary>Handles every stranded conversation of every store; returns how many it moved.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        List<Stranded> waiting;
        using (dataFilter.Disable<IMultiTenant>())
        {
            // Waiting that long, the shopper has left; without a bound the sweep would grow with every forgotten chat.
            var recent = clock.GetUtcNow() - TimeSpan.FromDays(1);
            waiting = await db.Conversations.AsNoTracking()
                .Where(c => (c.Status == ConversationStatus.AwaitingAgent || c.Status == ConversationStatus.WithAgent)
                    && c.FirstAgentReplyAt == null && c.AssignedAgentId != null && c.HandedOffAt > recent)
                .Select(c => new Stranded(c.Id, c.TenantId!.Value, c.AssignedAgentId!.Value, c.Status == ConversationStatus.WithAgent))
                .ToListAsync(cancellationToken);
        }

        var moved = 0;
        var now = clock.GetUtcNow();
        var absent = new List<Stranded>();
        foreach (var store in waiting.GroupBy(c => c.TenantId))
        {
            using (currentTenant.Change(store.Key))
            {
                // Presence lives in the shared store (PostgreSQL or Redis), so it is asked per store, not joined.
                var team = await presence.GetAsync(cancellationToken);
                var online = team.Where(p => p.Status == "Online").Select(p => p.UserId).ToHashSet();
                var connected = team.Select(p => p.UserId).ToHashSet();
                // Away means "no new conversations": one waiting for the agent moves on, but one they picked up stays
                // theirs while their tab is open.
                absent.AddRange(store.Where(c => c.PickedUp ? !connected.Contains(c.AgentId) : !online.Contains(c.AgentId)));
            }
        }

        // A tab that reconnects after a network blip is gone for a second: only an absence that lasts the grace counts.
        var byKey = absent.ToDictionary(c => (c.Id, c.AgentId));
        foreach (var conversation in ledger.StillAbsent(byKey.Keys, now, options.Value.AbsenceGrace).Select(key => byKey[key]))
        {
            using (currentTenant.Change(conversation.TenantId))
            {
                moved += await MoveAsync(conversation, cancellationToken) ? 1 : 0;
                db.ChangeTracker.Clear();
            }
        }

        return moved;
    }

    private async Task<bool> MoveAsync(Stranded stranded, CancellationToken cancellationToken)
    {
        var next = await router.PickAgentAsync(except: stranded.AgentId, cancellationToken);
        // Back in the queue, for the next agent or for anyone who comes online: only if nobody has answered meanwhile.
        var moved = await db.Conversations
            .Where(c => c.Id == stranded.Id && c.AssignedAgentId == stranded.AgentId && c.FirstAgentReplyAt == null
                && (c.Status == ConversationStatus.AwaitingAgent || c.Status == ConversationStatus.WithAgent))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ConversationStatus.AwaitingAgent)
                .SetProperty(c => c.AssignedAgentId, next == null ? null : next.UserId)
                .SetProperty(c => c.AssignedAgentName, next == null ? null : next.Name)
                .SetProperty(c => c.PickedUpAt, (DateTimeOffset?)null), cancellationToken);
        if (moved == 0)
        {
            return false;
        }

        logger.LogInformation("Conversation {ConversationId} left by its agent {AgentId}: {Outcome}",
            stranded.Id, stranded.AgentId, next is null ? "contact channels offered" : $"reassigned to {next.UserId}");
        var conversation = await db.Conversations.SingleAsync(c => c.Id == stranded.Id, cancellationToken);
        if (next is null && conversation.ContactChannelsJson is null
            && await widgetSettings.TryOfferOnceAsync(db, conversation, clock.GetUtcNow(), cancellationToken))
        {
            // Claimed once (the pickup timeout may be offering at the same moment); the notice follows.
            await appender.AppendAsync(conversation, new NewMessage(MessageRole.System, StepAwayNotice), cancellationToken);
        }
        else
        {
            await eventBus.PublishAsync(new ConversationUpdatedEto(conversation.Id), stranded.TenantId, cancellationToken);
        }

        return true;
    }
}

/// <summary>
/// Since when each waiting conversation's agent has been seen absent, on this host. One per host (a singleton): every
/// host needs its own two sightings, so a tab reconnecting to any host in the meantime keeps its conversations.
/// </summary>
public sealed class AbsenceLedger
{
    private readonly Dictionary<(Guid ConversationId, Guid AgentId), DateTimeOffset> _absentSince = [];

    /// <summary>Records this sweep's absences and returns those that have lasted at least <paramref name="grace"/>.</summary>
    public IReadOnlyList<(Guid ConversationId, Guid AgentId)> StillAbsent(IEnumerable<(Guid ConversationId, Guid AgentId)> absent, DateTimeOffset now, TimeSpan grace)
    {
        lock (_absentSince)
        {
            var current = absent.ToHashSet();
            // Whoever came back (or whose conversation moved on) starts from zero next time.
            foreach (var gone in _absentSince.Keys.Where(key => !current.Contains(key)).ToList())
            {
                _absentSince.Remove(gone);
            }

            foreach (var key in current)
            {
                _absentSince.TryAdd(key, now);
            }

            return current.Where(key => now - _absentSince[key] >= grace).ToList();
        }
    }
}
