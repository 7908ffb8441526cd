namespace Upsellic.HandoffIntelligence.Ml;

/// <summary>The built-in engine: the trained local model, no network, a few milliseconds per decision.</summary>
public sealed class LocalHandoffDetector(LocalHandoffModel model) : IHandoffDetector
{
    public Task<HandoffDecision> DecideAsync(IReadOnlyList<ConversationTurn> turns, CancellationToken ct = default) =>
        Task.FromResult(Decide(turns));

    public HandoffDecision Decide(IReadOnlyList<ConversationTurn> turns) => model.Predict(turns).ToDecision();
}
