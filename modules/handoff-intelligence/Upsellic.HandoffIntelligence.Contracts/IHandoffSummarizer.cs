namespace Upsellic.HandoffIntelligence;

/// <summary>Two or three sentences for the agent who picks the conversation up, so nobody asks the shopper to repeat themselves.</summary>
public interface IHandoffSummarizer
{
    Task<string> SummarizeAsync(IReadOnlyList<ConversationTurn> turns, HandoffCategory? category, CancellationToken ct = default);
}
