using System.Diagnostics;
using Upsellic.HandoffIntelligence;
using Upsellic.HandoffIntelligence.Domain;
using Upsellic.HandoffIntelligence.Ml;

// The handoff model's workbench:
//   train [--data DIR] [--output FILE]   rebuild the shipped model from the repo data, then evaluate it on the dev set
//   evaluate [FILE.csv|FILE.jsonl] [--model FILE.zip] [--errors]
//                                        print quality on a labelled set (default: the dev set copy); --errors lists
//                                        the misclassified conversations
//   predict "TEXT" ["a:ANSWER" "TEXT"…]   decide on one conversation; turns starting with "a:" are the assistant's
// Run from the repository root so the default output lands in the source tree, then rebuild to embed it.
const string ShippedModelPath = "modules/handoff-intelligence/Upsellic.HandoffIntelligence/Ml/handoff-model.zip";

var command = args.FirstOrDefault() ?? "help";
return command switch
{
    "train" => Train(Option("--data") ?? HandoffTrainingData.DefaultDirectory, Option("--output") ?? ShippedModelPath),
    "evaluate" => Evaluate(
        args.Skip(1).Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && args[i] != "--model").FirstOrDefault(),
        Option("--model"),
        args.Contains("--errors")),
    "predict" when args.Length > 1 => Predict(args.Skip(1).ToArray()),
    _ => Usage(),
};

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static int Train(string dataDirectory, string modelPath)
{
    var stopwatch = Stopwatch.StartNew();
    HandoffModelTrainer.TrainAndSave(dataDirectory, modelPath, SentimentLexicon.Embedded);
    Console.WriteLine($"trained in {stopwatch.Elapsed.TotalSeconds:F1} s from {dataDirectory} -> {Path.GetFullPath(modelPath)}");
    using var stream = File.OpenRead(modelPath);
    var model = LocalHandoffModel.Load(stream, SentimentLexicon.Embedded);
    foreach (var file in new[] { HandoffTrainingData.DevSetFile, HandoffTrainingData.HoldOutFile, HandoffTrainingData.FreshHoldOutFile, HandoffTrainingData.ThirdHoldOutFile, HandoffTrainingData.FourthHoldOutFile, HandoffTrainingData.FifthHoldOutFile })
    {
        var path = Path.Combine(dataDirectory, file);
        if (File.Exists(path))
        {
            Console.WriteLine($"\nevaluation on {path}:");
            Console.WriteLine(HandoffEvaluation.Of(model, HandoffExampleReader.Read(path)).ToReport());
        }
    }

    Console.WriteLine("rebuild Upsellic.HandoffIntelligence to embed the new model.");
    return 0;
}

static int Evaluate(string? file, string? modelFile, bool listErrors)
{
    var path = file ?? Path.Combine(HandoffTrainingData.DefaultDirectory, HandoffTrainingData.DevSetFile);
    if (!File.Exists(path))
    {
        Console.Error.WriteLine($"no such file: {path}");
        return 2;
    }

    LocalHandoffModel model;
    if (modelFile is null)
    {
        model = LocalHandoffModel.LoadEmbedded(SentimentLexicon.Embedded);
    }
    else
    {
        using var stream = File.OpenRead(modelFile);
        model = LocalHandoffModel.Load(stream, SentimentLexicon.Embedded);
    }

    var examples = HandoffExampleReader.Read(path);
    Console.WriteLine($"evaluation of the {(modelFile is null ? "shipped model" : modelFile)} on {Path.GetFullPath(path)}:");
    Console.WriteLine(HandoffEvaluation.Of(model, examples).ToReport());
    if (listErrors)
    {
        foreach (var example in examples)
        {
            var prediction = model.Predict(example.Turns);
            if (prediction.Label != HandoffLabels.ToTrainingLabel(example.Label))
            {
                var turns = string.Join(" | ", example.Turns.Select(t => (t.Role == TurnRole.Shopper ? "s: " : "a: ") + t.Text));
                Console.WriteLine($"{example.Label,-21} -> {prediction.Label,-21} {prediction.Confidence:F2}  {turns}");
            }
        }
    }

    return 0;
}

static int Predict(string[] turnTexts)
{
    var turns = turnTexts
        .Select(t => t.StartsWith("a:", StringComparison.Ordinal)
            ? new ConversationTurn(TurnRole.Assistant, t[2..].Trim())
            : new ConversationTurn(TurnRole.Shopper, t))
        .ToArray();
    var prediction = LocalHandoffModel.LoadEmbedded(SentimentLexicon.Embedded).Predict(turns);
    Console.WriteLine($"{prediction.Label} ({prediction.Confidence:F3})   " +
        string.Join("  ", prediction.Probabilities.OrderByDescending(p => p.Value).Select(p => $"{p.Key}={p.Value:F2}")));
    return 0;
}

static int Usage()
{
    Console.WriteLine("usage: train [--data DIR] [--output FILE] | evaluate [FILE.csv|FILE.jsonl] | predict TEXT [a:ANSWER TEXT ...]");
    return 1;
}
