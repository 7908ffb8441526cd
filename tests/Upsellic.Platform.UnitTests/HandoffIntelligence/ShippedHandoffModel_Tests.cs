using Shouldly;
using Upsellic.HandoffIntelligence;
using Upsellic.HandoffIntelligence.Domain;
using Upsellic.HandoffIntelligence.Ml;
using Xunit;

namespace Upsellic.Platform.UnitTests.HandoffIntelligence;

/// <summary>
/// Targets from PRODUCT.md, measured on the dev set and on the hold-out sets of realistic shopper conversations
/// (written for evaluation only); the model is trained on none of them.
/// </summary>
public class ShippedHandoffModel_Tests
{
    private static IReadOnlyList<HandoffExample> DevSet =>
        HandoffExampleReader.Read(Path.Combine(HandoffTrainingData.DefaultDirectory, HandoffTrainingData.DevSetFile));

    private static IReadOnlyList<HandoffExample> HoldOut(string file) =>
        HandoffExampleReader.Read(Path.Combine(HandoffTrainingData.DefaultDirectory, file));

    private static void ShouldMeetTargets(HandoffEvaluation evaluation)
    {
        evaluation.HandoffRecall.ShouldBeGreaterThanOrEqualTo(0.95);
        evaluation.FalseHandoffRate.ShouldBeLessThanOrEqualTo(0.05);
        foreach (var score in evaluation.Scores)
        {
            score.F1.ShouldBeGreaterThanOrEqualTo(0.90, $"F1 of {score.Label}");
        }
    }

    [Fact]
    public void Should_meet_the_quality_targets_on_the_dev_set() =>
        ShouldMeetTargets(HandoffEvaluation.Of(LocalModelFixture.Model, DevSet));

    [Fact]
    public void Should_meet_the_quality_targets_on_the_hold_out_conversations() =>
        ShouldMeetTargets(HandoffEvaluation.Of(LocalModelFixture.Model, HoldOut(HandoffTrainingData.HoldOutFile)));

    /// <summary>
    /// The fresh hold-out has about ten conversations per category, so one message moves a category's F1 by several
    /// points; the binary targets (hand off or not) are checked exactly, per-category F1 is reported by the Tool.
    /// </summary>
    [Fact]
    public void Should_meet_the_handoff_targets_on_the_fresh_hold_out_conversations()
    {
        var evaluation = HandoffEvaluation.Of(LocalModelFixture.Model, HoldOut(HandoffTrainingData.FreshHoldOutFile));
        evaluation.HandoffRecall.ShouldBeGreaterThanOrEqualTo(0.95);
        evaluation.FalseHandoffRate.ShouldBeLessThanOrEqualTo(0.05);
    }

    [Theory]
    [InlineData(HandoffTrainingData.HoldOutFile)]
    [InlineData(HandoffTrainingData.FreshHoldOutFile)]
    [InlineData(HandoffTrainingData.ThirdHoldOutFile)]
    [InlineData(HandoffTrainingData.FourthHoldOutFile)]
    [InlineData(HandoffTrainingData.FifthHoldOutFile)]
    public void Should_never_train_on_a_hold_out_message(string file)
    {
        // Greetings and one-word replies ("hello", "ok") are bound to occur everywhere; any longer message is not.
        var holdOut = HoldOut(file)
            .Select(e => e.Turns.Last(t => t.Role == TurnRole.Shopper).Text.Trim().ToLowerInvariant())
            .Where(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3)
            .ToHashSet();
        var training = HandoffTrainingData.TrainingFiles
            .SelectMany(f => HandoffExampleReader.Read(Path.Combine(HandoffTrainingData.DefaultDirectory, f)))
            .SelectMany(e => e.Turns)
            .Select(t => t.Text.Trim().ToLowerInvariant());

        holdOut.Count.ShouldBeGreaterThan(50);
        training.Where(holdOut.Contains).Distinct().ShouldBeEmpty();
    }

    [Fact]
    public void Should_never_train_on_the_dev_set()
    {
        var dev = DevSet.Select(e => e.Turns[^1].Text.Trim().ToLowerInvariant()).ToHashSet();
        var training = HandoffTrainingData.TrainingFiles
            .SelectMany(f => HandoffExampleReader.Read(Path.Combine(HandoffTrainingData.DefaultDirectory, f)))
            .SelectMany(e => e.Turns)
            .Select(t => t.Text.Trim().ToLowerInvariant());

        training.Where(dev.Contains).ShouldBeEmpty();
    }

    [Fact]
    public void Should_reproduce_the_shipped_model_quality_when_retrained_from_the_repository_data()
    {
        var examples = HandoffTrainingData.Load(HandoffTrainingData.DefaultDirectory, HandoffModelTrainer.Seed);
        var retrained = HandoffModelTrainer.Train(examples, SentimentLexicon.Embedded, out var schema);
        var model = new LocalHandoffModel(retrained, schema, SentimentLexicon.Embedded);

        var shipped = HandoffEvaluation.Of(LocalModelFixture.Model, DevSet);
        var rebuilt = HandoffEvaluation.Of(model, DevSet);

        rebuilt.Accuracy.ShouldBe(shipped.Accuracy, tolerance: 0.005);
        rebuilt.HandoffRecall.ShouldBe(shipped.HandoffRecall, tolerance: 0.005);
        rebuilt.FalseHandoffRate.ShouldBe(shipped.FalseHandoffRate, tolerance: 0.005);
        ShouldMeetTargets(rebuilt);
    }

    [Fact]
    public void Should_give_the_same_decision_from_many_threads_at_once()
    {
        ConversationTurn[] turns = [new(TurnRole.Shopper, "the lamp arrived broken")];
        var expected = LocalModelFixture.Model.Predict(turns).Label;

        var labels = Enumerable.Range(0, 200).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => LocalModelFixture.Model.Predict(turns).Label)
            .ToArray();

        labels.ShouldAllBe(label => label == expected);
        expected.ShouldBe(HandoffLabels.OrderIssue);
    }
}
