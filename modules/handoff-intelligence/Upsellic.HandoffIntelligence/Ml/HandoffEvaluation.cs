using System.Globalization;
using System.Text;

namespace Upsellic.HandoffIntelligence.Ml;

public sealed record CategoryScore(string Label, int Support, double Precision, double Recall, double F1);

/// <summary>
/// Quality on a labelled set: per-label precision/recall/F1, handoff recall (share of handoff rows that were handed
/// off, whatever the category), false-handoff rate (share of routine rows that were handed off), confusion matrix.
/// </summary>
public sealed class HandoffEvaluation
{
    private readonly int[,] _confusion;

    private HandoffEvaluation(int[,] confusion, int rows)
    {
        _confusion = confusion;
        Rows = rows;
        Scores = HandoffLabels.All.Select((label, i) => Score(label, i)).ToArray();
        var noneIndex = IndexOf(HandoffLabels.None);
        var handoffRows = 0;
        var handedOff = 0;
        var routineRows = 0;
        var falseHandoffs = 0;
        for (var actual = 0; actual < HandoffLabels.All.Count; actual++)
        {
            for (var predicted = 0; predicted < HandoffLabels.All.Count; predicted++)
            {
                var n = confusion[actual, predicted];
                if (actual == noneIndex)
                {
                    routineRows += n;
                    falseHandoffs += predicted == noneIndex ? 0 : n;
                }
                else
                {
                    handoffRows += n;
                    handedOff += predicted == noneIndex ? 0 : n;
                }
            }
        }

        HandoffRecall = handoffRows == 0 ? 1 : (double)handedOff / handoffRows;
        FalseHandoffRate = routineRows == 0 ? 0 : (double)falseHandoffs / routineRows;
        Accuracy = rows == 0 ? 0 : Enumerable.Range(0, HandoffLabels.All.Count).Sum(i => confusion[i, i]) / (double)rows;
    }

    public int Rows { get; }

    public IReadOnlyList<CategoryScore> Scores { get; }

    public double HandoffRecall { get; }

    public double FalseHandoffRate { get; }

    public double Accuracy { get; }

    public CategoryScore ScoreOf(string label) => Scores.Single(s => s.Label == label);

    public int Count(string actual, string predicted) => _confusion[IndexOf(actual), IndexOf(predicted)];

    public static HandoffEvaluation Of(IEnumerable<(string Actual, string Predicted)> outcomes)
    {
        var confusion = new int[HandoffLabels.All.Count, HandoffLabels.All.Count];
        var rows = 0;
        foreach (var (actual, predicted) in outcomes)
        {
            confusion[IndexOf(HandoffLabels.ToTrainingLabel(actual)), IndexOf(predicted)]++;
            rows++;
        }

        return new HandoffEvaluation(confusion, rows);
    }

    public static HandoffEvaluation Of(LocalHandoffModel model, IEnumerable<HandoffExample> examples) =>
        Of(examples.Select(e => (e.Label, model.Predict(e.Turns).Label)));

    public string ToReport()
    {
        var culture = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        report.AppendLine(culture, $"rows: {Rows}   accuracy: {Accuracy:F3}");
        report.AppendLine(culture, $"{"label",-22}{"support",8}{"precision",11}{"recall",9}{"f1",8}");
        foreach (var s in Scores)
        {
            report.AppendLine(culture, $"{s.Label,-22}{s.Support,8}{s.Precision,11:F3}{s.Recall,9:F3}{s.F1,8:F3}");
        }

        report.AppendLine();
        report.AppendLine(culture, $"handoff recall (handoff rows handed off):        {HandoffRecall:F3}   target >= 0.95");
        report.AppendLine(culture, $"false-handoff rate (routine rows handed off):    {FalseHandoffRate:F3}   target <= 0.05");
        report.AppendLine(culture, $"lowest category F1:                              {Scores.Where(s => s.Label != HandoffLabels.None).Min(s => s.F1):F3}   target >= 0.90");
        report.AppendLine();
        report.AppendLine("confusion matrix (rows = actual, columns = predicted):");
        var shortNames = HandoffLabels.All.Select(ShortName).ToArray();
        report.Append(culture, $"{string.Empty,-22}");
        foreach (var name in shortNames)
        {
            report.Append(culture, $"{name,9}");
        }

        report.AppendLine();
        for (var actual = 0; actual < shortNames.Length; actual++)
        {
            report.Append(culture, $"{HandoffLabels.All[actual],-22}");
            for (var predicted = 0; predicted < shortNames.Length; predicted++)
            {
                report.Append(culture, $"{_confusion[actual, predicted],9}");
            }

            report.AppendLine();
        }

        return report.ToString();
    }

    private CategoryScore Score(string label, int index)
    {
        var truePositives = _confusion[index, index];
        var support = Enumerable.Range(0, HandoffLabels.All.Count).Sum(p => _confusion[index, p]);
        var predicted = Enumerable.Range(0, HandoffLabels.All.Count).Sum(a => _confusion[a, index]);
        var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
        var recall = support == 0 ? 0 : (double)truePositives / support;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new CategoryScore(label, support, precision, recall, f1);
    }

    private static int IndexOf(string label)
    {
        for (var i = 0; i < HandoffLabels.All.Count; i++)
        {
            if (HandoffLabels.All[i] == label)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(label), label, "Unknown handoff label.");
    }

    private static string ShortName(string label) => label switch
    {
        HandoffLabels.ReturnOrComplaint => "return",
        HandoffLabels.OrderIssue => "order",
        HandoffLabels.EmotionalEscalation => "emotion",
        HandoffLabels.ComplexRequest => "complex",
        _ => "none",
    };
}
