using Microsoft.ML;
using Microsoft.ML.Transforms.Text;
using Upsellic.HandoffIntelligence.Domain;

namespace Upsellic.HandoffIntelligence.Ml;

/// <summary>
/// Trains the local model: word uni/bi-grams and character 4-grams of the last shopper turn (robust to typos),
/// word unigrams of the earlier shopper turns and of the assistant's turn just before it (what the assistant had just
/// done — asked for an order number, sorted the problem, passed the chat on — decides how a short reply reads), and
/// <see cref="ConversationCues"/>, into a maximum-entropy classifier. A fixed seed and a single thread make training reproducible.
/// </summary>
public static class HandoffModelTrainer
{
    public const int Seed = 20240611;

    public static ITransformer Train(IReadOnlyList<HandoffExample> examples, SentimentLexicon lexicon, out DataViewSchema inputSchema)
    {
        var ml = new MLContext(Seed);
        var rows = examples.Select(e => HandoffModelInput.From(e.Turns, lexicon, e.Label)).ToList();

        // Routine rows outnumber each handoff class several times over; unweighted, the classifier learns to lean
        // towards "none" for any message it has not seen the like of. Full balancing over-corrects the other way: the
        // smallest classes are mostly written from templates, and their few distinctive words would get outsized
        // weight. The square root of the balancing factor meets in between.
        var perClass = rows.GroupBy(r => r.Label).ToDictionary(g => g.Key, g => g.Count());
        foreach (var row in rows)
        {
            row.Weight = MathF.Sqrt(rows.Count / (float)(perClass.Count * perClass[row.Label]));
        }

        var data = ml.Data.LoadFromEnumerable(rows);
        inputSchema = data.Schema;

        var pipeline = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(HandoffModelInput.Label))
            .Append(ml.Transforms.Text.FeaturizeText("TextFeatures", Bag(wordNgrams: 2, charNgrams: 4), nameof(HandoffModelInput.Text)))
            .Append(ml.Transforms.Text.FeaturizeText("ContextFeatures", Bag(wordNgrams: 1), nameof(HandoffModelInput.Context)))
            .Append(ml.Transforms.Text.FeaturizeText("AssistantFeatures", Bag(wordNgrams: 1), nameof(HandoffModelInput.AssistantBefore)))
            .Append(ml.Transforms.Concatenate("Features", "TextFeatures", "ContextFeatures", "AssistantFeatures", nameof(HandoffModelInput.Cues)))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "LabelKey",
                FeatureColumnName = "Features",
                ExampleWeightColumnName = nameof(HandoffModelInput.Weight),
                L2Regularization = 0.06f,
                L1Regularization = 0.002f,
                MaximumNumberOfIterations = 300,
                NumberOfThreads = 1,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel", "PredictedLabel"));

        return pipeline.Fit(data);
    }

    /// <summary>Lower-cased, punctuation-free bags of word n-grams (and character n-grams when asked), L2-normalised.</summary>
    private static TextFeaturizingEstimator.Options Bag(int wordNgrams, int charNgrams = 0) => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepPunctuations = false,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = wordNgrams, UseAllLengths = true },
        CharFeatureExtractor = charNgrams > 0 ? new WordBagEstimator.Options { NgramLength = charNgrams, UseAllLengths = false } : null,
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    public static void TrainAndSave(string dataDirectory, string modelPath, SentimentLexicon lexicon)
    {
        var examples = HandoffTrainingData.Load(dataDirectory, Seed);
        var model = Train(examples, lexicon, out var schema);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);
        new MLContext(Seed).Model.Save(model, schema, modelPath);
    }
}
