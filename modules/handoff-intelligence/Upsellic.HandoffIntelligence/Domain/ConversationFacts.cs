using System.Text.RegularExpressions;

namespace Upsellic.HandoffIntelligence.Domain;

/// <summary>Concrete facts the shopper gave (order number, item) so the reply and the summary can repeat them.</summary>
public sealed partial record ConversationFacts(string? OrderNumber, string? Item)
{
    private static readonly HashSet<string> NotAnItem =
    [
        "order", "orders", "parcel", "package", "delivery", "shipment", "item", "items", "refund", "money", "return",
        "tracking", "courier", "app", "account", "card", "payment", "product", "products", "purchase", "stuff", "thing",
        "things", "one", "ones", "same", "whole", "rest", "status", "number", "website", "site", "email", "service", "bot",
        "driver", "it", "them", "this", "that", "these", "those", "time", "question",
    ];

    public static ConversationFacts From(IEnumerable<ConversationTurn> turns)
    {
        var shopperTexts = turns.Where(t => t.Role == TurnRole.Shopper).Select(t => t.Text).Reverse().ToArray();
        var orderNumber = shopperTexts.Select(FindOrderNumber).FirstOrDefault(n => n is not null);
        var item = shopperTexts.Select(FindItem).FirstOrDefault(i => i is not null);
        return new ConversationFacts(orderNumber, item);
    }

    /// <summary>
    /// "order 1042", "order #1042", "#1042", "order no. 406-123" → "#1042"; store-style references with letters
    /// ("order NW-10231", "my NW-10231 never came") are kept as written, upper-cased, since a "#" would not match the
    /// store's own format.
    /// </summary>
    private static string? FindOrderNumber(string text)
    {
        var match = OrderNumberPattern().Match(text);
        if (!match.Success)
        {
            match = LetteredReferencePattern().Match(text);
        }

        if (!match.Success)
        {
            return null;
        }

        var number = match.Groups["number"].Value.TrimEnd('-');
        return number.Any(char.IsLetter) ? number.ToUpperInvariant() : "#" + number;
    }

    /// <summary>The object of a return/exchange verb, or the subject of a problem verb: "return the boots", "the vase arrived smashed".</summary>
    private static string? FindItem(string text)
    {
        foreach (var pattern in new[] { ObjectOfReturnVerb(), SubjectOfProblemVerb() })
        {
            foreach (Match match in pattern.Matches(text))
            {
                var words = match.Groups["item"].Value.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 0 && !NotAnItem.Contains(words[^1]) && !NotAnItem.Contains(words[0]))
                {
                    return string.Join(' ', words);
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?:(?:order|ord|purchase)\s*(?:number|nr|no|id)?[\s.:#]*|#\s?)(?<number>(?:[A-Za-z]{1,4}-?)?\d[\d\-]{2,})", RegexOptions.IgnoreCase)]
    private static partial Regex OrderNumberPattern();

    /// <summary>A reference such as "NW-10231" or "SO-2024-118" without the word "order" before it.</summary>
    [GeneratedRegex(@"\b(?<number>[A-Z]{2,4}-\d[\d\-]{2,})\b")]
    private static partial Regex LetteredReferencePattern();

    [GeneratedRegex(@"\b(?:return|send back|exchange|swap|refund (?:for|on))\s+(?:the|my|these|this|those|our)\s+(?<item>[a-z][a-z\-]+(?:\s[a-z\-]+)?)\b(?=\s*(?:$|[,.!?;]|\b(?:because|as|since|for|from|i|they|it|which|that|then|but|and|please|pls|in|to)\b))", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectOfReturnVerb();

    [GeneratedRegex(@"\b(?:the|my|our)\s+(?<item>[a-z][a-z\-]+(?:\s[a-z\-]+)?)\s+(?:arrived|came|is|was|are|were|has|have|doesn't|don't|won't|keeps|broke|stopped|looks|smells|fits|fit)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectOfProblemVerb();
}
