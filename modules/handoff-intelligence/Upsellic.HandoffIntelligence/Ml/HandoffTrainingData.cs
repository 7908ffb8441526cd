using Upsellic.HandoffIntelligence.Domain;

namespace Upsellic.HandoffIntelligence.Ml;

/// <summary>
/// The files the shipped model is trained from, and the multi-turn examples composed from them. The dev set is
/// never part of it: it stays for honest evaluation.
/// </summary>
public static class HandoffTrainingData
{
    public const string DevSetFile = "handoff-dev.csv";

    /// <summary>Realistic conversations written for evaluation only, independently of the training data; never trained on.</summary>
    public const string HoldOutFile = "handoff-holdout.jsonl";

    /// <summary>A second, smaller hold-out written after the first round of changes, to measure them unseen.</summary>
    public const string FreshHoldOutFile = "handoff-holdout-fresh.jsonl";

    /// <summary>
    /// A third hold-out (250 conversations), written by someone who saw neither the data nor the model, after the
    /// training data was broadened; measured once, its errors never read.
    /// </summary>
    public const string ThirdHoldOutFile = "handoff-holdout-third.jsonl";

    /// <summary>A fourth blind hold-out (250 conversations) by yet another writer; its errors were never read either.</summary>
    public const string FourthHoldOutFile = "handoff-holdout-fourth.jsonl";

    /// <summary>A fifth blind hold-out (250), written from a support lead's point of view; errors never read.</summary>
    public const string FifthHoldOutFile = "handoff-holdout-fifth.jsonl";

    public static IReadOnlyList<string> TrainingFiles { get; } =
    [
        "handoff-train.csv",
        "aux-explicit-human-request.csv",
        "handoff-written.csv",
        "handoff-written-conversations.jsonl",
        "handoff-written-templates.csv",
        "handoff-written-templates-conversations.jsonl",
        "handoff-written-shoppers.csv",
        "handoff-written-shoppers-conversations.jsonl",
        "handoff-written-shoppers-b.jsonl",
        "handoff-written-shoppers-c.jsonl",
        "handoff-written-shoppers-d.jsonl",
        "handoff-written-shoppers-e.csv",
        "handoff-written-shoppers-f.jsonl",
        "handoff-written-shoppers-g.jsonl",
        "handoff-written-shoppers-h.csv",
        "handoff-written-shoppers-i.jsonl",
        "handoff-written-shoppers-j.jsonl",
        "handoff-written-shoppers-k.jsonl",
        "handoff-written-shoppers-l.jsonl",
    ];

    /// <summary>Where the data files are copied next to any assembly that references this project.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "HandoffIntelligenceData");

    public static IReadOnlyList<HandoffExample> Load(string directory, int seed)
    {
        var examples = TrainingFiles
            .SelectMany(file => HandoffExampleReader.Read(Path.Combine(directory, file)))
            .Select(e => e with { Label = HandoffLabels.ToTrainingLabel(e.Label) })
            .ToList();
        return [.. examples, .. ComposeConversations(examples, seed)];
    }

    /// <summary>
    /// Most rows are single messages, yet the decision is made on every message with the earlier turns as context.
    /// Composing conversations from the training rows teaches three things the single rows cannot:
    /// a routine exchange before a message does not change its label; a short follow-up after a reported problem
    /// keeps the problem's category, while the
    /// same follow-up after a routine exchange stays routine; a question asked again after the assistant could not answer it is an
    /// escalation (a repeated failed attempt).
    /// </summary>
    private static IEnumerable<HandoffExample> ComposeConversations(IReadOnlyList<HandoffExample> examples, int seed)
    {
        var random = new Random(seed);
        var singleTurns = examples.Where(e => e.Turns.Count == 1).ToList();
        var routine = singleTurns.Where(e => e.Label == HandoffLabels.None && e.Turns[0].Text.Length > 15).ToList();
        var handoffs = singleTurns.Where(e => e.Label != HandoffLabels.None).ToList();
        var policyQuestions = routine.Where(e => PolicyTopics.Any(topic => e.Turns[0].Text.Contains(topic, StringComparison.OrdinalIgnoreCase))).ToList();
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        for (var i = 0; i < 700; i++)
        {
            var message = Pick(singleTurns);
            yield return new HandoffExample(
                [Shopper(Pick(routine)), Assistant(Pick(HelpfulAssistantAnswers)), message.Turns[0]],
                message.Label,
                "composed/routine-context");
        }

        // Words like "return" or "damaged" in an earlier policy question must not turn the next routine question into a handoff.
        for (var i = 0; i < 400; i++)
        {
            yield return new HandoffExample(
                [Shopper(Pick(policyQuestions)), Assistant(Pick(HelpfulAssistantAnswers)), Shopper(Pick(i % 2 == 0 ? policyQuestions : routine))],
                HandoffLabels.None,
                "composed/policy-context");
        }

        for (var i = 0; i < 900; i++)
        {
            var problem = Pick(handoffs);
            yield return new HandoffExample(
                [problem.Turns[0], Assistant(Pick(AcknowledgingAssistantAnswers)), Shopper(Pick(NeutralFollowUps))],
                problem.Label,
                "composed/follow-up");
        }

        for (var i = 0; i < 400; i++)
        {
            yield return new HandoffExample(
                [Shopper(Pick(routine)), Assistant(Pick(HelpfulAssistantAnswers)), Shopper(Pick(NeutralFollowUps))],
                HandoffLabels.None,
                "composed/routine-follow-up");
        }

        for (var i = 0; i < 200; i++)
        {
            var question = Pick(routine).Turns[0].Text;
            yield return new HandoffExample(
                [Shopper(question), Assistant(Pick(UnhelpfulAssistantAnswers)), Shopper(Pick(RepeatedAskFrames).Replace("{q}", question))],
                HandoffLabels.EmotionalEscalation,
                "composed/repeated-failed-ask");
        }
    }

    private static readonly string[] PolicyTopics = ["return", "refund", "exchange", "damage", "broken", "deliver", "ship", "late", "lost", "warranty"];

    private static ConversationTurn Shopper(HandoffExample example) => example.Turns[0];

    private static ConversationTurn Shopper(string text) => new(TurnRole.Shopper, text);

    private static ConversationTurn Assistant(string text) => new(TurnRole.Assistant, text);

    private static readonly string[] HelpfulAssistantAnswers =
    [
        "Sure! Standard shipping takes 3-5 business days.",
        "Yes, that model comes in sizes S to XL.",
        "Our return policy allows returns within 30 days of delivery.",
        "You can pay by card, PayPal or Apple Pay.",
        "Happy to help. The jacket is water resistant and machine washable.",
        "Your order was shipped yesterday and should arrive on Friday.",
        "We ship to most countries in Europe and North America.",
        "The sofa is 210 cm wide and 95 cm deep.",
        "Hi there! How can I help you today?",
    ];

    private static readonly string[] AcknowledgingAssistantAnswers =
    [
        "I'm sorry to hear that. Could you share your order number?",
        "Thanks for letting us know, let me check.",
        "I understand, that sounds frustrating.",
        "I see. Can you tell me a bit more?",
    ];

    private static readonly string[] UnhelpfulAssistantAnswers =
    [
        "I'm sorry, I don't have that information.",
        "Unfortunately I'm not able to find an answer to that.",
        "I'm not sure about that, sorry.",
        "I don't know, I'm afraid.",
    ];

    private static readonly string[] NeutralFollowUps =
    [
        "so what happens now",
        "what should I do",
        "ok what are my options",
        "can you look into it please",
        "it's the one I ordered last week",
        "any update on that?",
        "yes that one",
        "pls help",
        "what now?",
    ];

    private static readonly string[] RepeatedAskFrames =
    [
        "{q}",
        "I asked you already. {q}",
        "again: {q}",
        "{q}?? you didn't answer",
        "that's not what I asked. {q}",
        "hello?? {q}",
    ];
}
