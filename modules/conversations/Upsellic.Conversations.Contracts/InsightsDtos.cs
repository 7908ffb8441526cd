namespace Upsellic.Conversations;

public sealed record ConversationSearch(string? Text, ConversationStatus? Status, string? Category, DateOnly? From, DateOnly? To);

public sealed record ConversationHistoryItem(
    Guid Id,
    string Reference,
    ConversationStatus Status,
    string? HandoffCategory,
    string? AssignedAgentName,
    DateTimeOffset StartedAt,
    DateTimeOffset LastMessageAt,
    int Messages,
    string? FirstShopperMessage);

public sealed record CategoryCount(string Category, int Count);

public sealed record DailyFigures(DateOnly Day, int Conversations, int HandedOff);

public sealed record ConversationAnalytics(
    int Conversations,
    int HandledByAssistantOnly,
    int HandedOff,
    IReadOnlyList<CategoryCount> ByCategory,
    TimeSpan? MedianTimeToPickup,
    TimeSpan? P90TimeToPickup,
    int FellBackToChannels,
    IReadOnlyList<DailyFigures> ByDay);

/// <summary>The store's conversation history and its figures (Conversations and Analytics pages).</summary>
public interface IConversationInsightsAppService
{
    Task<IReadOnlyList<ConversationHistoryItem>> SearchAsync(ConversationSearch search, CancellationToken cancellationToken = default);

    Task<ConversationAnalytics> GetAnalyticsAsync(int days, CancellationToken cancellationToken = default);
}
