using System.Text;
using System.Text.RegularExpressions;

namespace Upsellic.HandoffIntelligence.Domain;

/// <summary>Text helpers shared by the model features, the reply writer and the summarizer.</summary>
public static partial class ShopperText
{
    /// <summary>
    /// Emoji carry much of the feeling in chat English but are rare in the training data: mapping the common ones to
    /// the word they stand for lets the model (and the sentiment lexicon) read them.
    /// </summary>
    private static readonly (string Emoji, string Word)[] EmojiWords =
    [
        ("😡", " furious "), ("🤬", " furious "), ("😠", " angry "), ("😤", " frustrated "), ("🙄", " annoyed "),
        ("😭", " crying "), ("😢", " sad "), ("😞", " disappointed "), ("😩", " exhausted "), ("😫", " exhausted "),
        ("💔", " heartbroken "), ("👎", " bad "), ("🙏", " please "), ("👍", " good "), ("🙂", " smile "),
        ("😊", " smile "), ("😀", " smile "), ("😄", " smile "), ("😍", " love "), ("❤️", " love "), ("❤", " love "),
        ("🤔", " wondering "), ("😂", " laughing "), ("😅", " smile "), ("🥲", " smile "), ("😬", " awkward "),
        ("🤷", " shrug "), ("😕", " confused "), ("🤦", " facepalm "), ("😒", " annoyed "), ("🥰", " love "),
        ("😉", " smile "), ("👋", " hi "),
    ];

    /// <summary>
    /// The form the model reads. Numbers never become vocabulary: an id-like number ("#1042", "406-123-789") becomes
    /// one token, any other number ("182 cm", "2 pairs") another, so a height is not read like an order reference.
    /// </summary>
    public static string NormalizeForModel(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text);
        foreach (var (emoji, word) in EmojiWords)
        {
            builder.Replace(emoji, word);
        }

        // Other pictographs carry no signal the model was trained on; left in, they become noise character n-grams.
        var withoutSymbols = OtherSymbols().Replace(builder.ToString(), " ");
        var withNumbers = PlainNumber().Replace(IdLikeNumber().Replace(withoutSymbols, " orderid "), " 0 ");
        return Whitespace().Replace(withNumbers, " ").Trim().ToLowerInvariant();
    }

    public static IReadOnlyList<string> Words(string text) =>
        WordToken().Matches(NormalizeForModel(text)).Select(m => m.Value).ToArray();

    /// <summary>Share of words two texts have in common (Jaccard); near 1 when the shopper repeats a question.</summary>
    public static double Overlap(string first, string second)
    {
        var a = Words(first).Where(w => w.Length > 2).ToHashSet();
        var b = Words(second).Where(w => w.Length > 2).ToHashSet();
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var common = a.Count(b.Contains);
        return (double)common / (a.Count + b.Count - common);
    }

    /// <summary>The first sentence, cut to a readable length, for quoting in a summary.</summary>
    public static string FirstSentence(string text, int maxLength = 160)
    {
        var flat = Whitespace().Replace(text, " ").Trim();
        var end = SentenceEnd().Match(flat);
        var sentence = end.Success && end.Index > 12 ? flat[..(end.Index + 1)] : flat;
        return sentence.Length <= maxLength ? sentence : sentence[..maxLength].TrimEnd() + "…";
    }

    [GeneratedRegex(@"#\s?\d[\d\-]*|\b\d[\d\-]{4,}")]
    private static partial Regex IdLikeNumber();

    [GeneratedRegex(@"\d+(?:[.,/]\d+)*")]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"[\p{So}\p{Cs}\p{Sk}\uFE0F\u200D]+")]
    private static partial Regex OtherSymbols();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[a-z']+|[0-9]+")]
    private static partial Regex WordToken();

    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex SentenceEnd();
}
