using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using Upsellic.HandoffIntelligence.Domain;

namespace Upsellic.HandoffIntelligence.Ml;

/// <summary>
/// The trained model, loaded once. ML.NET's PredictionEngine is not thread-safe and costly to create, so engines
/// are pooled: each prediction borrows one and gives it back.
/// </summary>
public sealed class LocalHandoffModel
{
    public const string EmbeddedResourceName = "Upsellic.HandoffIntelligence.handoff-model.zip";

    private readonly ObjectPool<PredictionEngine<HandoffModelInput, HandoffModelOutput>> _engines;
    private readonly string[] _labelsBySlot;
    private readonly SentimentLexicon _lexicon;

    public LocalHandoffModel(ITransformer model, DataViewSchema inputSchema, SentimentLexicon lexicon)
    {
        var ml = new MLContext(HandoffModelTrainer.Seed);
        _lexicon = lexicon;
        _labelsBySlot = ReadLabelsBySlot(model.GetOutputSchema(inputSchema));
        _engines = new DefaultObjectPool<PredictionEngine<HandoffModelInput, HandoffModelOutput>>(
            new EnginePolicy(ml, model),
            Environment.ProcessorCount * 2);
    }

    /// <summary>The model shipped inside this assembly (trained by the Tool's <c>train</c> command).</summary>
    public static LocalHandoffModel LoadEmbedded(SentimentLexicon lexicon)
    {
        using var stream = typeof(LocalHandoffModel).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException(
                $"The handoff model resource '{EmbeddedResourceName}' is missing: run the Tool's 'train' command and rebuild.");
        return Load(stream, lexicon);
    }

    public static LocalHandoffModel Load(Stream stream, SentimentLexicon lexicon)
    {
        var ml = new MLContext(HandoffModelTrainer.Seed);
        var model = ml.Model.Load(stream, out var schema);
        return new LocalHandoffModel(model, schema, lexicon);
    }

    public LocalPrediction Predict(IReadOnlyList<ConversationTurn> turns)
    {
        var input = HandoffModelInput.From(turns, _lexicon);
        var engine = _engines.Get();
        try
        {
            var output = engine.Predict(input);
            var probabilities = new Dictionary<string, double>(_labelsBySlot.Length);
            for (var slot = 0; slot < _labelsBySlot.Length && slot < output.Score.Length; slot++)
            {
                probabilities[_labelsBySlot[slot]] = output.Score[slot];
            }

            return new LocalPrediction(output.PredictedLabel, probabilities);
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    private static string[] ReadLabelsBySlot(DataViewSchema outputSchema)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        outputSchema["Score"].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer model)
        : IPooledObjectPolicy<PredictionEngine<HandoffModelInput, HandoffModelOutput>>
    {
        public PredictionEngine<HandoffModelInput, HandoffModelOutput> Create() =>
            ml.Model.CreatePredictionEngine<HandoffModelInput, HandoffModelOutput>(model);

        public bool Return(PredictionEngine<HandoffModelInput, HandoffModelOutput> engine) => true;
    }
}

/// <param name="Label">The most probable label (see <see cref="HandoffLabels"/>).</param>
/// <param name="Probabilities">Probability of every label.</param>
public sealed record LocalPrediction(string Label, IReadOnlyDictionary<string, double> Probabilities)
{
    public double Confidence => Probabilities.TryGetValue(Label, out var p) ? p : 0;

    public HandoffDecision ToDecision()
    {
        var category = HandoffLabels.ToCategory(Label);
        return new HandoffDecision(category is not null, category, Math.Round(Confidence, 4), HandoffEngines.Local);
    }
}
