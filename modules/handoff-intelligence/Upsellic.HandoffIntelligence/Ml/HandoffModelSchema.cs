using Microsoft.ML.Data;
using Upsellic.HandoffIntelligence.Domain;

namespace Upsellic.HandoffIntelligence.Ml;

/// <summary>What the model reads. Built only by <see cref="From"/>, so training and prediction see the same features.</summary>
public sealed class HandoffModelInput
{
    /// <summary>The last shopper turn, normalised.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Earlier shopper turns, normalised; empty for a first message.</summary>
    public string Context { get; set; } = string.Empty;

    /// <summary>The assistant's turn just before the last shopper turn, normalised; empty when there is none.</summary>
    public string AssistantBefore { get; set; } = string.Empty;

    [VectorType(ConversationCues.Count)]
    public float[] Cues { get; set; } = new float[ConversationCues.Count];

    public string Label { get; set; } = string.Empty;

    /// <summary>Training only: balances the classes (see <see cref="HandoffModelTrainer"/>); ignored at prediction.</summary>
    public float Weight { get; set; } = 1;

    public static HandoffModelInput From(IReadOnlyList<ConversationTurn> turns, SentimentLexicon lexicon, string label = "")
    {
        var view = ConversationView.Of(turns);
        return new HandoffModelInput
        {
            Text = ShopperText.NormalizeForModel(view.LastShopperText),
            Context = ShopperText.NormalizeForModel(string.Join(" . ", view.EarlierShopperTexts)),
            AssistantBefore = ShopperText.NormalizeForModel(view.Earlier.LastOrDefault(t => t.Role != TurnRole.Shopper)?.Text ?? string.Empty),
            Cues = ConversationCues.Compute(view, lexicon),
            Label = label,
        };
    }
}

public sealed class HandoffModelOutput
{
    public string PredictedLabel { get; set; } = string.Empty;

    public float[] Score { get; set; } = [];
}
