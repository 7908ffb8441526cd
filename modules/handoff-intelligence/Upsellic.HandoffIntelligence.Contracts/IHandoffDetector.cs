namespace Upsellic.HandoffIntelligence;

/// <summary>Decides whether the last shopper turn needs a person, reading the earlier turns as context.</summary>
public interface IHandoffDetector
{
    Task<HandoffDecision> DecideAsync(IReadOnlyList<ConversationTurn> turns, CancellationToken ct = default);
}
