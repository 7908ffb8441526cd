namespace Upsellic.HandoffIntelligence.Domain;

/// <summary>
/// The built-in summary for the agent, made only of what the conversation says: what happened (in the shopper's
/// words), the order number / item and how the shopper feels, and what the assistant already answered.
/// </summary>
public sealed class ExtractiveHandoffSummarizer(SentimentLexicon lexicon) : IHandoffSummarizer
{
    /// <summary>A follow-up this short ("so what now") says little; the summary quotes an earlier, fuller message.</summary>
    private const int InformativeWordCount = 6;

    public Task<string> SummarizeAsync(IReadOnlyList<ConversationTurn> turns, HandoffCategory? category, CancellationToken ct = default) =>
        Task.FromResult(Summarize(turns, category));

    public string Summarize(IReadOnlyList<ConversationTurn> turns, HandoffCategory? category)
    {
        var shopperTurns = turns.Where(t => t.Role == TurnRole.Shopper).Select(t => t.Text).ToArray();
        var keyMessage = KeyMessage(shopperTurns);
        var facts = ConversationFacts.From(turns);
        var feeling = Feeling(shopperTurns, category);
        var lastAnswer = turns.LastOrDefault(t => t.Role != TurnRole.Shopper);

        var what = $"{CategoryPhrase(category)}: the shopper wrote \"{Quote(keyMessage)}\"";
        if (shopperTurns.Length > 1)
        {
            what += $" (after {shopperTurns.Length - 1} earlier message{(shopperTurns.Length > 2 ? "s" : string.Empty)})";
        }

        var details = (facts.OrderNumber, facts.Item) switch
        {
            ({ } order, { } item) => $"It concerns order {order} and the {item}; the shopper seems {feeling}.",
            ({ } order, null) => $"It concerns order {order}; the shopper seems {feeling}.",
            (null, { } item) => $"It concerns the {item}; no order number was given and the shopper seems {feeling}.",
            _ => $"No order number was given; the shopper seems {feeling}.",
        };
        var answered = lastAnswer is null
            ? "The assistant had not answered yet."
            : $"The assistant already answered: \"{Quote(lastAnswer.Text)}\".";
        return $"{what}. {details} {answered}";
    }

    private static string KeyMessage(string[] shopperTurns)
    {
        var last = shopperTurns.Length > 0 ? shopperTurns[^1] : string.Empty;
        if (ShopperText.Words(last).Count >= InformativeWordCount || shopperTurns.Length < 2)
        {
            return last;
        }

        return shopperTurns.OrderByDescending(t => ShopperText.Words(t).Count).First();
    }

    private string Feeling(string[] shopperTurns, HandoffCategory? category)
    {
        // Emoji carry much of the feeling in chat ("it's cracked 😡"); read them as the words they stand for.
        var mostNegative = shopperTurns.Select(t => lexicon.Score(ShopperText.NormalizeEntities(t))).OrderBy(s => s.Compound).FirstOrDefault();
        var described = mostNegative?.Describe() ?? "calm";
        // The lexicon misses urgency and repeated asks ("third time asking"); the classifier does not.
        return category == HandoffCategory.EmotionalEscalation && described is "calm" or "positive"
            ? "upset or under time pressure"
            : described;
    }

    /// <summary>First sentence without its closing punctuation, so the summary's own sentences stay countable.</summary>
    private static string Quote(string text) =>
        ShopperText.FirstSentence(text).TrimEnd('.', '!', '?', ' ').Replace('"', '\'');

    private static string CategoryPhrase(HandoffCategory? category) => category switch
    {
        HandoffCategory.ReturnOrComplaint => "Return or complaint",
        HandoffCategory.OrderIssue => "Order issue",
        HandoffCategory.EmotionalEscalation => "Emotional escalation",
        HandoffCategory.ComplexRequest => "Complex request",
        _ => "Routine question",
    };
}
