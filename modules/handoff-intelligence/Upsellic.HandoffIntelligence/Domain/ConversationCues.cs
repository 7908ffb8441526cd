using System.Text.RegularExpressions;

namespace Upsellic.HandoffIntelligence.Domain;

/// <summary>
/// Numeric signals the model reads next to the text n-grams. None of them decides on its own: each one names a
/// linguistic difference the n-grams see poorly, and the trained weights say how much it counts.
/// The key boundary is a shopper asking ABOUT a situation (routine) versus a shopper IN it (handoff), and the
/// context: feeling carried over from earlier turns, asking the same thing again, an assistant that could not help.
/// </summary>
public static partial class ConversationCues
{
    /// <summary>Length of the vector <see cref="Compute"/> returns; part of the trained model's input schema.</summary>
    public const int Count = 16;

    public static float[] Compute(ConversationView view, SentimentLexicon lexicon)
    {
        var text = view.LastShopperText;
        var lower = ShopperText.NormalizeForModel(text);
        var sentiment = lexicon.Score(text);
        var earlierShopper = view.EarlierShopperTexts.ToArray();
        var earlierSentiment = earlierShopper.Select(t => lexicon.Score(t).Negativity).DefaultIfEmpty(0).Max();
        var repeatedAsk = earlierShopper.Select(t => ShopperText.Overlap(t, text)).DefaultIfEmpty(0).Max();
        var assistantCouldNotHelp = view.EarlierAssistantTexts.Any(t => AssistantCouldNotHelp().IsMatch(t));

        return
        [
            (float)sentiment.Negativity,
            (float)Math.Max(0, sentiment.Compound),
            Saturate(sentiment.NegativeWords, 3),
            Saturate(text.Count(c => c == '!'), 3),
            text.Contains('?') ? 1 : 0,
            ShoutedWordShare(text),
            Flag(InterrogativeOpening().IsMatch(lower)),
            Flag(HypotheticalOrPolicyQuestion().IsMatch(lower)),
            Flag(FirstPersonProblem().IsMatch(lower) || ProblemHasHappened().IsMatch(lower)),
            Flag(WantsToSendBackOrGetMoneyBack().IsMatch(lower)),
            Flag(AsksForAPerson().IsMatch(lower)),
            (float)earlierSentiment,
            (float)(repeatedAsk >= 0.5 ? repeatedAsk : 0),
            Flag(assistantCouldNotHelp),
            Saturate(earlierShopper.Length, 4),
            Flag(earlierShopper.Any(t => FirstPersonProblem().IsMatch(ShopperText.NormalizeForModel(t)))),
        ];
    }

    private static float Flag(bool value) => value ? 1 : 0;

    private static float Saturate(int count, int atMost) => Math.Min(count, atMost) / (float)atMost;

    /// <summary>Words of three or more letters written in capitals, not counting common acronyms.</summary>
    private static float ShoutedWordShare(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', '!', '?', ':', ';'))
            .Where(w => w.Length >= 3 && w.All(char.IsLetter))
            .ToArray();
        if (words.Length == 0)
        {
            return 0;
        }

        var shouted = words.Count(w => w.All(char.IsUpper) && !CommonAcronyms.Contains(w));
        return shouted >= 2 ? Math.Min(1f, shouted / (float)words.Length * 2) : 0;
    }

    private static readonly HashSet<string> CommonAcronyms = ["USA", "UPS", "DHL", "USPS", "FAQ", "XXL", "COD", "ASAP", "LED", "USB", "PDF", "EMI", "UPI", "OTP", "GST", "SKU", "NYC"];

    [GeneratedRegex(@"^(what|how|when|where|which|who|why|do|does|did|can|could|would|will|is|are|was|should|may|if|any)\b")]
    private static partial Regex InterrogativeOpening();

    /// <summary>"What if my parcel arrives damaged", "do you accept returns", "how long does shipping take": asking about a case, not having it.</summary>
    [GeneratedRegex(@"\b(what if|what happens if|what do i do if|in case|if (my|the|a|an|it|i)\b|policy|policies|do you (accept|allow|offer|take|ship|deliver|have|sell|do)|can i (return|exchange|pay|order|get|change|cancel)|is it possible|how (long|many days) (does|do|will|would)|usually|normally|generally|typically)")]
    private static partial Regex HypotheticalOrPolicyQuestion();

    /// <summary>"my order is late", "our parcel never came": the shopper owns the object and it has a problem.</summary>
    [GeneratedRegex(@"\b(my|our|the)\s+(\w+\s+){0,3}?(order|parcel|package|item|items|delivery|shipment|product|box|refund|money|purchase|stuff|thing)\b.{0,40}\b(broken|damaged|missing|late|delayed|wrong|defective|faulty|cracked|torn|stuck|lost|stolen|never|not|hasnt|hasn't|didnt|didn't|still|dead|leaking|ripped|smashed|dented|opened|used|fake|incomplete|short)\b")]
    private static partial Regex FirstPersonProblem();

    /// <summary>Past events: "it arrived broken", "i received the wrong size", "i was charged twice", "never got it", "ordered an L and got an XS".</summary>
    [GeneratedRegex(@"\b(arrived|came|showed up|turned up|was delivered|got delivered|received|got|was sent|were sent|sent me|charged|billed|delivered)\b.{0,40}\b(broken|damaged|missing|wrong|defective|faulty|cracked|torn|late|dead|leaking|ripped|smashed|dented|opened|used|fake|twice|incomplete|stained|scratched|empty)\b|\b(never|still (have ?n[o']t|not)|ha(s|ve)n'?t|did ?n'?t|not yet)\s+(arrived|came|come|received|got|gotten|shown up|turned up|been delivered|been shipped|moved|updated)\b|\bstill waiting\b|\b(ordered|order|asked for|bought|paid for)\b[^.?]{1,40}(\band\b|\bbut\b|,)\s*(i )?(got|received|(you |they )?(sent|send)( me)?)\b")]
    private static partial Regex ProblemHasHappened();

    [GeneratedRegex(@"\b(i|we)\s*('d| would| want| wanna| need| have| am going| gonna| will|'m going)?\s*(like )?(to )?(return|send (it|this|them|these) back|send back|refund|exchange|get (a |my )?(refund|money back|replacement))\b|\b(want|need|requesting|request) (a |my )?(refund|replacement|money back|return label)\b")]
    private static partial Regex WantsToSendBackOrGetMoneyBack();

    [GeneratedRegex(@"\b(human|real person|a person|someone|somebody|agent|representative|rep|operator|manager|supervisor|staff|customer service|support team|live chat|talk to (you|someone)|speak (to|with))\b")]
    private static partial Regex AsksForAPerson();

    [GeneratedRegex(@"(?i)\b(i (do not|don't|dont|can't|cant|cannot|am not able|'m not able|am unable|'m unable|have no|don't have|do not have)|not sure|unfortunately|i'm afraid|i am afraid|no information|unable to)\b")]
    private static partial Regex AssistantCouldNotHelp();
}
