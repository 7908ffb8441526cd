using Microsoft.EntityFrameworkCore;
using Upsellic.Conversations.EntityFrameworkCore;

namespace Upsellic.Conversations.Application;

public sealed class ConversationInsightsAppService(ConversationsDbContext db, TimeProvider clock) : IConversationInsightsAppService
{
    private const int MaxResults = 200;

    public async Task<IReadOnlyList<ConversationHistoryItem>> SearchAsync(ConversationSearch search, CancellationToken cancellationToken = default)
    {
        var conversations = db.Conversations.AsNoTracking().Where(c => db.Messages.Any(m => m.ConversationId == c.Id));
        if (search.Status is { } status)
        {
            conversations = conversations.Where(c => c.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(search.Category))
        {
            conversations = conversations.Where(c => c.HandoffCategory == search.Category);
        }

        if (search.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            conversations = conversations.Where(c => c.CreatedAt >= start);
        }

        if (search.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            conversations = conversations.Where(c => c.CreatedAt < end);
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            // Case-insensitive search of what was said; the pattern is a parameter, its wildcards escaped.
            var pattern = "%" + search.Text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            conversations = conversations.Where(c => db.Messages.Any(m => m.ConversationId == c.Id && EF.Functions.ILike(m.Text, pattern)));
        }

        var rows = await conversations
            .OrderByDescending(c => c.LastMessageAt)
            .Take(MaxResults)
            .Select(c => new
            {
                Conversation = c,
                Messages = db.Messages.Count(m => m.ConversationId == c.Id),
                First = db.Messages.Where(m => m.ConversationId == c.Id && m.Role == MessageRole.Shopper).OrderBy(m => m.Sequence).Select(m => m.Text).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ConversationHistoryItem(r.Conversation.Id, r.Conversation.Reference, r.Conversation.Status,
            r.Conversation.HandoffCategory, r.Conversation.AssignedAgentName, r.Conversation.CreatedAt, r.Conversation.LastMessageAt, r.Messages, r.First)).ToList();
    }

    public async Task<ConversationAnalytics> GetAnalyticsAsync(int days, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().AddDays(-Math.Clamp(days, 1, 365));
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => c.CreatedAt >= since && db.Messages.Any(m => m.ConversationId == c.Id && m.Role == MessageRole.Shopper))
            .Select(c => new { c.CreatedAt, c.HandedOffAt, c.HandoffCategory, c.PickedUpAt, c.ChannelsOfferedAt })
            .ToListAsync(cancellationToken);
        var handedOff = rows.Where(r => r.HandedOffAt is not null).ToList();
        var pickups = handedOff.Where(r => r.PickedUpAt is not null).Select(r => r.PickedUpAt!.Value - r.HandedOffAt!.Value).Order().ToList();
        return new ConversationAnalytics(
            rows.Count,
            rows.Count - handedOff.Count,
            handedOff.Count,
            handedOff.GroupBy(r => r.HandoffCategory ?? "Unknown").Select(g => new CategoryCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ToList(),
            Percentile(pickups, 0.5),
            Percentile(pickups, 0.9),
            handedOff.Count(r => r.ChannelsOfferedAt is not null),
            rows.GroupBy(r => DateOnly.FromDateTime(r.CreatedAt.UtcDateTime)).OrderBy(g => g.Key)
                .Select(g => new DailyFigures(g.Key, g.Count(), g.Count(r => r.HandedOffAt is not null))).ToList());
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static TimeSpan? Percentile(List<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
