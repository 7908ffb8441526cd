using Upsellic.HandoffIntelligence;
using Upsellic.HandoffIntelligence.Domain;
using Upsellic.HandoffIntelligence.Ml;

namespace Upsellic.Platform.UnitTests.HandoffIntelligence;

/// <summary>The shipped model, loaded once for all handoff tests (as the application does).</summary>
internal static class LocalModelFixture
{
    private static readonly Lazy<LocalHandoffModel> LazyModel = new(() => LocalHandoffModel.LoadEmbedded(SentimentLexicon.Embedded));

    public static LocalHandoffModel Model => LazyModel.Value;

    public static LocalHandoffDetector Detector => new(Model);

    public static ConversationTurn Shopper(string text) => new(TurnRole.Shopper, text);

    public static ConversationTurn AssistantTurn(string text) => new(TurnRole.Assistant, text);
}
