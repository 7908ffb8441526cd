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
    /// The form the model reads. Entities never become vocabulary: they are rare in the training data and tied to
    /// whichever class happened to carry them, so an e-mail address or a price would otherwise pull a routine question
    /// towards a handoff. Each kind becomes one placeholder word, the same in training and at prediction time:
    /// e-mail → <c>emailtoken</c>, link → <c>urltoken</c>, amount of money → <c>moneytoken</c>, measurement
    /// ("182 cm", "5ft4", "15.6 inch") → <c>measuretoken</c>, clothing/shoe size ("XS", "size 42", "UK 8") →
    /// <c>sizetoken</c>, order number or other id ("order 1042", "#58213", "406-123-789") → <c>orderid</c>; any
    /// other number → <c>0</c>. Masked swearing ("f***ing") is written out so the n-grams and the lexicon read it.
    /// </summary>
    public static string NormalizeForModel(string text) =>
        ChatWord().Replace(
            Whitespace().Replace(PlainNumber().Replace(NormalizeEntities(text), " 0 "), " ").Trim().ToLowerInvariant(),
            m => ChatSpellings.GetValueOrDefault(m.Value, m.Value));

    /// <summary>
    /// Chat shorthand and contractions typed without the apostrophe, written the standard way. Written data spells
    /// "where's my order" in many ways and each spelling would otherwise be a word of its own that the model has seen
    /// only a few times, with whatever label those few rows carried ("wheres my order" read as a complaint because the
    /// rows that spelled it so were angry ones).
    /// </summary>
    private static readonly Dictionary<string, string> ChatSpellings = new (string Typed, string Standard)[]
    {
        ("wheres", "where's"), ("whats", "what's"), ("hows", "how's"), ("whens", "when's"), ("whos", "who's"),
        ("thats", "that's"), ("theres", "there's"), ("heres", "here's"), ("its", "it's"), ("im", "i'm"),
        ("ive", "i've"), ("dont", "don't"), ("dnt", "don't"), ("doesnt", "doesn't"), ("didnt", "didn't"),
        ("cant", "can't"), ("cannot", "can't"), ("wont", "won't"), ("isnt", "isn't"), ("arent", "aren't"),
        ("wasnt", "wasn't"), ("werent", "weren't"), ("havent", "haven't"), ("hasnt", "hasn't"), ("hadnt", "hadn't"),
        ("couldnt", "couldn't"), ("shouldnt", "shouldn't"), ("wouldnt", "wouldn't"), ("youre", "you're"),
        ("theyre", "they're"), ("weve", "we've"), ("youve", "you've"), ("u", "you"), ("ya", "you"), ("ur", "your"),
        ("r", "are"), ("pls", "please"), ("plz", "please"), ("plss", "please"), ("pleasee", "please"),
        ("thx", "thanks"), ("thnx", "thanks"), ("thanx", "thanks"), ("ty", "thanks"), ("wat", "what"),
        ("wht", "what"), ("abt", "about"), ("bc", "because"), ("cuz", "because"), ("coz", "because"),
        ("cos", "because"), ("bcoz", "because"), ("rn", "right now"), ("idk", "i don't know"), ("wanna", "want to"),
        ("gonna", "going to"), ("gimme", "give me"), ("hv", "have"), ("hav", "have"), ("ppl", "people"),
        ("tmrw", "tomorrow"), ("tmr", "tomorrow"), ("tomoz", "tomorrow"), ("2day", "today"), ("b4", "before"),
        ("msg", "message"), ("pkg", "package"), ("recieve", "receive"), ("recieved", "received"), ("wen", "when"),
        ("smth", "something"), ("sth", "something"), ("ok", "okay"), ("k", "okay"), ("kk", "okay"), ("okey", "okay"),
        ("oki", "okay"),
    }.ToDictionary(p => p.Typed, p => p.Standard);

    /// <summary>
    /// <see cref="NormalizeForModel"/> without its last steps: entities replaced, plain numbers ("250 mugs") kept,
    /// case kept.
    /// </summary>
    public static string NormalizeEntities(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text);
        foreach (var (emoji, word) in EmojiWords)
        {
            builder.Replace(emoji, word);
        }

        // Other pictographs carry no signal the model was trained on; left in, they become noise character n-grams.
        var normalized = OtherSymbols().Replace(builder.ToString(), " ");
        normalized = Email().Replace(normalized, " emailtoken ");
        normalized = Url().Replace(normalized, " urltoken ");
        normalized = MaskedSwearing().Replace(normalized, m => char.ToLowerInvariant(m.Value[0]) == 'f' ? " fucking " : " shit ");
        normalized = Money().Replace(normalized, " moneytoken ");
        normalized = Measurement().Replace(normalized, " measuretoken ");
        normalized = ClothingSize().Replace(normalized, " sizetoken ");
        normalized = OrderReference().Replace(normalized, m => m.Groups["word"].Success ? " " + m.Groups["word"].Value + " orderid " : " orderid ");
        return IdLikeNumber().Replace(normalized, " orderid ");
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

    [GeneratedRegex(@"#\s?[A-Za-z]{0,3}\d[\d\-]*|\b\d[\d\-]{2,}\d\b")]
    private static partial Regex IdLikeNumber();

    [GeneratedRegex(@"\b[\w.+\-]+@[\w\-]+(\.[\w\-]+)+\b")]
    private static partial Regex Email();

    [GeneratedRegex(@"\bhttps?://\S+|\bwww\.\S+|\b[\w\-]+\.(com|net|org|shop|store|co\.uk|de|fr|it|es|nl|io)/\S*", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b[fs][*#@$]{2,}[a-z]*", RegexOptions.IgnoreCase)]
    private static partial Regex MaskedSwearing();

    [GeneratedRegex(@"[$€£¥]\s?\d+(?:[.,]\d+)*k?|\b\d+(?:[.,]\d+)*\s?(?:€|\$|£|eur|euros?|usd|dollars?|bucks|quid|pounds?|gbp|chf|sek|nok|dkk|pln|zloty|rupees?|rs|inr|aud|cad)(?![a-z])", RegexOptions.IgnoreCase)]
    private static partial Regex Money();

    [GeneratedRegex(@"\b\d+\s?(?:ft|foot|feet|')\s?\d+(?:\s?(?:in|inches|""))?|\b\d+(?:[.,]\d+)?\s?(?:cm|mm|m|km|kg|kgs|kilos?|g|grams?|lbs?|stone|inch|inches|""|ft|feet|ml|l|litres?|liters?|oz|w|watts?|v|volts?|mah|gb|tb|hz)(?![a-z])", RegexOptions.IgnoreCase)]
    private static partial Regex Measurement();

    /// <summary>Letter sizes only when written as sizes (capitals, or after "size"), so "s" and "m" in words never match.</summary>
    [GeneratedRegex(@"(?<!['’])\b(?:XXS|XS|S|M|L|XL|XXL|XXXL|[2-6]XL)\b(?!['’&])|\b(?i:size)\s+(?i:(?:xxs|xs|s|m|l|xl|xxl|xxxl|[2-6]xl|\d+(?:[.,]5)?))\b|\b(?:UK|EU|US|uk|eu|Uk|Eu)\s?\d{1,2}(?:[.,]5)?\b")]
    private static partial Regex ClothingSize();

    [GeneratedRegex(@"\b(?<word>order|ord|purchase|invoice|parcel|package|tracking)\s*(?:number|nr|no\.?|num|id|ref)?\s*[:#]?\s*[A-Za-z]{0,3}\d[\d\-]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex OrderReference();

    [GeneratedRegex(@"\d+(?:[.,/]\d+)*")]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"[\p{So}\p{Cs}\p{Sk}\uFE0F\u200D]+")]
    private static partial Regex OtherSymbols();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<![\w'])[a-z0-9]+(?![\w'])")]
    private static partial Regex ChatWord();

    [GeneratedRegex(@"[a-z']+|[0-9]+")]
    private static partial Regex WordToken();

    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex SentenceEnd();
}
