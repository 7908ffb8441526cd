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
    public const int Count = 21;

    public static float[] Compute(ConversationView view, SentimentLexicon lexicon)
    {
        var text = view.LastShopperText;
        var lower = ShopperText.NormalizeForModel(text);
        var sentiment = lexicon.Score(text);
        var earlierShopper = view.EarlierShopperTexts.ToArray();
        var earlierSentiment = earlierShopper.Select(t => lexicon.Score(t).Negativity).DefaultIfEmpty(0).Max();
        var repeatedAsk = earlierShopper.Select(t => ShopperText.Overlap(t, text)).DefaultIfEmpty(0).Max();
        var assistantCouldNotHelp = view.EarlierAssistantTexts.Any(t => AssistantCouldNotHelp().IsMatch(t));
        var lastAssistant = view.Earlier.LastOrDefault(t => t.Role != TurnRole.Shopper)?.Text ?? string.Empty;

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
            Flag(IsOnlyAcknowledgement(lower)),
            Flag(SpeaksForABusiness().IsMatch(lower)),
            Flag(lastAssistant.Contains('?') || AssistantAskedForDetails().IsMatch(lastAssistant)),
            Flag(AsksForLargeQuantity(ShopperText.NormalizeEntities(text).ToLowerInvariant())),
            Flag(RefersToOwnPurchase().IsMatch(lower)),
        ];
    }

    private static float Flag(bool value) => value ? 1 : 0;

    /// <summary>"250 hoodies", "1,000 mugs", "a few hundred units": a quantity no household buys (bulk, trade, events).</summary>
    private static bool AsksForLargeQuantity(string entitiesNormalized)
    {
        if (HundredsOf().IsMatch(entitiesNormalized))
        {
            return true;
        }

        foreach (Match match in CountedThings().Matches(entitiesNormalized))
        {
            if (int.TryParse(match.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal), out var n) && n >= 20)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"ok thanks", "great, cheers 🙂": closing a topic, asking nothing and reporting nothing.</summary>
    private static bool IsOnlyAcknowledgement(string normalized)
    {
        var words = ShopperText.Words(normalized);
        return words.Count is > 0 and <= 8 && words.All(AcknowledgementWords.Contains);
    }

    private static readonly HashSet<string> AcknowledgementWords =
    [
        "ok", "okay", "k", "kk", "oki", "okey", "thanks", "thank", "thx", "ty", "tysm", "you", "u", "so", "very", "much",
        "a", "lot", "cheers", "great", "perfect", "cool", "brilliant", "good", "fine", "got", "it", "understood", "alright",
        "appreciate", "noted", "smile", "love", "nice", "awesome", "lovely", "then", "again", "for", "the", "your", "help",
        "mate", "sure", "yes", "yep", "yeah", "no", "problem", "that's", "thats", "all", "bye", "have", "day", "will", "do",
        "wait", "see", "brill", "super", "ta",
    ];

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
    [GeneratedRegex(@"\b(what if|what happens if|what do i do if|in case|if (my|the|a|an|it|i)\b|policy|policies|do you (accept|allow|offer|take|ship|deliver|have|sell|do)|can i (return|exchange|pay|order|get|change|cancel)|is it possible|how (long|many days) (does|do|will|would)|usually|normally|generally|typically|worried|afraid (it|they|that|of)|concerned|i (don't|dont|do not) want (it|them|the|my)|reviews? (say|said|saying|mention)|is it (sturdy|durable|easy|safe|reliable))")]
    private static partial Regex HypotheticalOrPolicyQuestion();

    /// <summary>"my order is late", "our parcel never came": the shopper owns the object and it has a problem.</summary>
    [GeneratedRegex(@"\b(my|our|the)\s+(\w+\s+){0,3}?(order|parcel|package|item|items|delivery|shipment|product|box|refund|money|purchase|stuff|thing)\b.{0,40}\b(broken|damaged|missing|late|delayed|wrong|defective|faulty|cracked|torn|stuck|lost|stolen|never|not|hasnt|hasn't|didnt|didn't|still|dead|leaking|ripped|smashed|dented|opened|used|fake|incomplete|short)\b")]
    private static partial Regex FirstPersonProblem();

    /// <summary>Past events: "it arrived broken", "i received the wrong size", "i was charged twice", "never got it", "ordered an L and got an XS".</summary>
    [GeneratedRegex(@"\b(arrived|came|showed up|turned up|was delivered|got delivered|received|got|was sent|were sent|sent me|charged|billed|delivered)\b.{0,40}\b(broken|damaged|missing|wrong|defective|faulty|cracked|torn|late|dead|leaking|ripped|smashed|dented|opened|used|fake|twice|incomplete|stained|scratched|empty)\b|\b(never|still (have ?n[o']t|not)|ha(s|ve)n'?t|did ?n'?t|not yet)\s+(arrived|came|come|received|got|gotten|shown up|turned up|been delivered|been shipped|moved|updated)\b|\bstill waiting\b|\b(ordered|order|asked for|bought|paid for)\b[^.?]{1,40}(\band\b|\bbut\b|,)\s*(i )?(got|received|(you |they )?(sent|send)( me)?)\b")]
    private static partial Regex ProblemHasHappened();

    [GeneratedRegex(@"\b(i|we)\s*('d| would| want| wanna| need| have| am going| gonna| will|'m going)?\s*(like )?(to )?(return|send (it|this|them|these) back|send back|refund|exchange|get (a |my )?(refund|money back|replacement))\b|\b(want|need|requesting|request) (a |my )?(refund|replacement|money back|return label)\b")]
    private static partial Regex WantsToSendBackOrGetMoneyBack();

    /// <summary>
    /// Asking to be put through ("can I talk to a person", "get me a manager", "human please"), not merely naming
    /// staff ("your staff were rude to me" is a complaint).
    /// </summary>
    [GeneratedRegex(@"\b(talk|speak|chat|connect|transfer|put me through|get me|give me|let me|want|need|can i have|is there)\b.{0,30}\b(human|real person|actual person|a person|someone|somebody|agent|representative|rep|operator|manager|supervisor|staff member|customer service|support team|live chat)\b|^\W*(human|agent|operator|manager|real person|person|someone)\b")]
    private static partial Regex AsksForAPerson();

    [GeneratedRegex(@"(?<![\d.,])\b(?<n>\d{1,3}(?:,\d{3})+|\d{2,5})\s+(?!(?:days?|hours?|hrs?|weeks?|wks?|minutes?|mins?|months?|years?|yrs?|times?|percent|followers|reviews|stars|people|messages|emails|calls|orderid|moneytoken|measuretoken|sizetoken|off)\b)(?:\w+\s+)?[a-z]{3,}")]
    private static partial Regex CountedThings();

    [GeneratedRegex(@"\b(hundreds|thousands|several dozen|a few hundred|dozens) of\b|\b(a few|several) (hundred|thousand)\b")]
    private static partial Regex HundredsOf();

    /// <summary>
    /// "the hoodie I got", "these boots I bought", "i ordered…": a specific thing the shopper already has. Together
    /// with a return/exchange verb it is a request, not a policy question ("can I exchange the M hoodie I got for an L").
    /// </summary>
    [GeneratedRegex(@"\b(i|we) (just |recently |already )?(got|bought|ordered|received|purchased|paid for)\b|\b(my|the|these|this|those) (\w+ ){1,3}?(i|we) (just |recently )?(got|bought|ordered|received|purchased)\b|\b(my|our) (new |recent |last )(\w+)\b")]
    private static partial Regex RefersToOwnPurchase();

    /// <summary>A shop, company or other organisation buying or selling: wholesale, trade, B2B.</summary>
    [GeneratedRegex(@"\b(my|our|i (own|run|have|manage)|we (own|run|are|have|manage)|for (my|our))\s+(\w+\s+){0,2}?(shop|shops|store|stores|boutique|boutiques|business|company|companies|firm|hotel|hotels|cafe|café|restaurant|bar|school|university|clinic|salon|gym|studio|agency|brand|charity|club|employees|staff|clients|retail)\b|\b(wholesale|resell|reseller|resellers|retailer|retailers|stockist|distributor|distribution|trade (price|prices|account|accounts|terms|discount)|in bulk|bulk (order|price|pricing|discount|buy))\b")]
    private static partial Regex SpeaksForABusiness();

    [GeneratedRegex(@"(?i)\b(could you|can you|please) (give|share|send|tell|provide|confirm)|order number|e-?mail (address )?you used|which (size|colour|color|model|order)|what (size|colour|color) do you")]
    private static partial Regex AssistantAskedForDetails();

    [GeneratedRegex(@"(?i)\b(i (do not|don't|dont|can't|cant|cannot|am not able|'m not able|am unable|'m unable|have no|don't have|do not have)|not sure|unfortunately|i'm afraid|i am afraid|no information|unable to)\b")]
    private static partial Regex AssistantCouldNotHelp();
}
