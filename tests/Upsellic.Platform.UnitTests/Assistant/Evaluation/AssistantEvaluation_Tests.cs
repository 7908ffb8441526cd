using System.Text;
using System.Text.Json;
using Upsellic.Assistant;
using Upsellic.Assistant.Engine;
using Xunit.Abstractions;

namespace Upsellic.Platform.UnitTests.Assistant.Evaluation;

/// <summary>
/// Answer quality of the built-in engine on stores it was not written for: each file under Stores/ is a store (its
/// knowledge document) and routine shopper questions with the facts a correct answer must and must not contain. A case
/// is correct when every required fact (alternatives separated by "|") appears, no forbidden text appears, and an
/// "I don't know" is given exactly where the knowledge has no answer. Independently of the authored expectations, no
/// reply may ever show an order's details to a conversation that never gave that order's email.
/// </summary>
public class AssistantEvaluation_Tests(ITestOutputHelper output)
{
    private const double RequiredAccuracy = 0.85;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    private readonly BuiltInAssistantEngine _engine = new();

    /// <summary>The stores the engine was tuned against; the held-out store is measured only by the test below.</summary>
    [Fact]
    public void Should_answer_most_routine_questions_of_the_tuning_stores_correctly()
    {
        var result = Evaluate(LoadStores().Where(s => !s.HeldOut).ToList());

        result.Disclosures.ShouldBe(0, "an order was disclosed to a conversation without its email");
        result.Accuracy.ShouldBeGreaterThanOrEqualTo(RequiredAccuracy);
    }

    /// <summary>Every store, including the one never looked at while the engine was tuned: the honest figure.</summary>
    [Fact]
    public void Should_answer_most_routine_questions_of_all_stores_including_the_held_out_one()
    {
        var result = Evaluate(LoadStores());

        result.Disclosures.ShouldBe(0, "an order was disclosed to a conversation without its email");
        result.Accuracy.ShouldBeGreaterThanOrEqualTo(RequiredAccuracy);
    }

    private EvaluationResult Evaluate(IReadOnlyList<EvaluationStore> stores)
    {
        var report = new StringBuilder();
        var topics = new Dictionary<string, (int Correct, int Total)>();
        int correct = 0, total = 0, disclosures = 0;
        foreach (var store in stores)
        {
            var knowledge = KnowledgeSnapshot.FromDocument(store.Knowledge);
            int storeCorrect = 0;
            foreach (var @case in store.Cases)
            {
                var (reply, conversation) = Converse(@case.Turns, knowledge);
                var failures = Check(@case, reply).ToList();
                var disclosed = DisclosedOrders(conversation, reply, knowledge).ToList();
                if (disclosed.Count > 0)
                {
                    disclosures++;
                    failures.Add($"DISCLOSED order {string.Join(", ", disclosed)} without its email");
                }

                var ok = failures.Count == 0;
                storeCorrect += ok ? 1 : 0;
                var (c, t) = topics.GetValueOrDefault(@case.Topic);
                topics[@case.Topic] = (c + (ok ? 1 : 0), t + 1);
                if (!ok)
                {
                    report.AppendLine($"  ✗ [{store.Name}/{@case.Topic}] {string.Join(" ⏎ ", @case.Turns)}")
                        .AppendLine($"      → ({reply.Topic}, answered={reply.Answered}) {reply.Text}")
                        .AppendLine($"      {string.Join("; ", failures)}");
                }
            }

            correct += storeCorrect;
            total += store.Cases.Count;
            report.Insert(0, $"{store.Name}{(store.HeldOut ? " (held out)" : string.Empty)}: {storeCorrect}/{store.Cases.Count} = {(double)storeCorrect / store.Cases.Count:P1}{Environment.NewLine}");
        }

        var accuracy = total == 0 ? 0 : (double)correct / total;
        var summary = new StringBuilder($"overall: {correct}/{total} = {accuracy:P1}, order disclosures to a wrong email: {disclosures}{Environment.NewLine}");
        foreach (var (topic, (c, t)) in topics.OrderBy(t => t.Key))
        {
            summary.AppendLine($"  {topic,-16} {c,3}/{t,-3} {(double)c / t:P0}");
        }

        output.WriteLine(summary.ToString() + report);
        return new EvaluationResult(accuracy, disclosures);
    }

    /// <summary>Asks the shopper turns one by one, as the widget would, each with the engine's earlier replies as context.</summary>
    private (AssistantReply Reply, List<ChatTurn> Conversation) Converse(IReadOnlyList<string> turns, KnowledgeSnapshot knowledge)
    {
        var conversation = new List<ChatTurn>();
        AssistantReply? reply = null;
        foreach (var turn in turns)
        {
            conversation.Add(new ChatTurn(ChatRole.Shopper, turn));
            reply = _engine.Reply(conversation, knowledge);
            conversation.Add(new ChatTurn(ChatRole.Assistant, reply.Text));
        }

        return (reply!, conversation);
    }

    private static IEnumerable<string> Check(EvaluationCase @case, AssistantReply reply)
    {
        foreach (var fact in @case.Contains ?? [])
        {
            if (!fact.Split('|').Any(alternative => reply.Text.Contains(alternative, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"missing \"{fact}\"";
            }
        }

        foreach (var forbidden in @case.NotContains ?? [])
        {
            if (reply.Text.Contains(forbidden, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"must not say \"{forbidden}\"";
            }
        }

        var expectAnswered = !@case.Unknown;
        if (reply.Answered != expectAnswered)
        {
            yield return expectAnswered ? "said it doesn't know" : "should have said it doesn't know";
        }
    }

    /// <summary>
    /// Orders whose details (carrier, tracking number, item names) appear in a reply although no shopper turn gave the
    /// order's email: whatever the case expects, that is a disclosure.
    /// </summary>
    private static IEnumerable<string> DisclosedOrders(IReadOnlyList<ChatTurn> conversation, AssistantReply reply, KnowledgeSnapshot knowledge)
    {
        var shopper = string.Join("\n", conversation.Where(t => t.Role == ChatRole.Shopper).Select(t => t.Text));
        foreach (var order in knowledge.Orders)
        {
            if (shopper.Contains(order.Email, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // The tracking and order numbers never belong in another answer; an item name may (a product question),
            // so it counts only in an order-status answer.
            var identifiers = new[] { order.TrackingNumber, order.Number }.Where(d => !string.IsNullOrWhiteSpace(d) && d!.Length >= 4);
            var items = order.Items.Select(i => i.Name).Where(n => n.Length >= 4);
            var shown = identifiers.Any(d => reply.Text.Contains(d!, StringComparison.OrdinalIgnoreCase))
                || (reply.Topic == AssistantTopics.OrderStatus && items.Any(n => reply.Text.Contains(n, StringComparison.OrdinalIgnoreCase)));
            if (shown)
            {
                yield return order.Number;
            }
        }
    }

    private static List<EvaluationStore> LoadStores()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Assistant", "Evaluation", "Stores");
        return Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(file => JsonSerializer.Deserialize<EvaluationStore>(File.ReadAllText(file), Json)
                ?? throw new InvalidOperationException($"{file} is empty"))
            .ToList();
    }

    private sealed record EvaluationResult(double Accuracy, int Disclosures);

    private sealed record EvaluationStore(string Name, bool HeldOut, KnowledgeDocument Knowledge, IReadOnlyList<EvaluationCase> Cases);

    private sealed record EvaluationCase(
        string Topic,
        IReadOnlyList<string> Turns,
        IReadOnlyList<string>? Contains,
        IReadOnlyList<string>? NotContains,
        bool Unknown);
}
