using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Upsellic.Assistant.Engine;

/// <summary>
/// The offline assistant: decides what the last shopper turn asks (greeting, order status, a product, a policy, a
/// recommendation) and answers only from the snapshot. Deterministic, no network; an answer it cannot ground in the
/// knowledge becomes an honest "I don't know". It never repeats the shopper's text, so nothing they write is echoed.
/// </summary>
public sealed partial class BuiltInAssistantEngine
{
    /// <summary>How much of a question (idf-weighted) a policy passage or FAQ entry must account for to be the answer.</summary>
    private const double AnswerCoverage = 0.5;

    /// <summary>The lower bar when the question's topic (shipping, returns...) is the passage's policy topic.</summary>
    private const double CategoryCoverage = 0.3;

    private const int MaxListed = 3;

    public const string OrderCredentialsRequest =
        "I can check an order for you. Please send the order number together with the email address used for the order.";

    public const string OrderNotMatched =
        "I couldn't find an order matching that order number and email address together, so I can't share any order details. " +
        "Please check both: the email must be the one used when the order was placed.";

    public AssistantReply Reply(IReadOnlyList<ChatTurn> conversation, KnowledgeSnapshot knowledge)
    {
        var index = conversation.Select((turn, i) => (turn, i)).LastOrDefault(t => t.turn.Role == ChatRole.Shopper);
        if (index.turn is null || string.IsNullOrWhiteSpace(index.turn.Text))
        {
            return Reply(Greeting(knowledge), AssistantTopics.Greeting);
        }

        var question = new Question(ChatSpelling(index.turn.Text), conversation.Take(index.i).ToList());
        if (IdentityQuestion().IsMatch(question.Text))
        {
            return Reply($"I'm {knowledge.StoreName}'s virtual assistant. I answer from the store's own information: products, sizes and stock, shipping, returns, payment and order status.",
                AssistantTopics.Greeting);
        }

        return GreetingOrThanks(question, knowledge)
            ?? OrderStatus(question, knowledge)
            ?? ProductQuestion(question, knowledge, policyFirst: true)
            ?? Unknown(knowledge);
    }

    // ---------------------------------------------------------------- greeting

    private static AssistantReply? GreetingOrThanks(Question question, KnowledgeSnapshot knowledge)
    {
        var words = TextAnalyzer.Words(question.Text).ToList();
        var content = words.Where(w => !SmallTalkWords.Contains(w) && !TextAnalyzer.IsStopWord(w)).ToList();
        if (content.Count > 0 || words.Count == 0)
        {
            return null;
        }

        // "Where is ur shop?" is all stop words but no greeting: small talk says hello, thanks or bye, and asks nothing.
        var howAreYou = HowAreYou().IsMatch(question.Text);
        if ((!words.Any(GreetingSignals.Contains) && !howAreYou) || (words.Any(QuestionWords.Contains) && !howAreYou))
        {
            return null;
        }

        if (words.Any(w => w is "thanks" or "thank" or "thx" or "ty" or "cheers" or "appreciate" or "appreciated" or "perfect" or "great" or "awesome" or "ta"))
        {
            return Reply("You're welcome! Is there anything else I can help you with?", AssistantTopics.Greeting);
        }

        if (words.Any(w => w is "bye" or "goodbye"))
        {
            return Reply($"Thanks for visiting {knowledge.StoreName}. Have a great day!", AssistantTopics.Greeting);
        }

        return Reply(Greeting(knowledge), AssistantTopics.Greeting);
    }

    private static readonly HashSet<string> SmallTalkWords =
    [
        "hi", "hello", "hey", "hiya", "howdy", "good", "morning", "afternoon", "evening", "there", "thanks", "thank", "thx", "ty",
        "cheers", "appreciate", "appreciated", "perfect", "great", "awesome", "bye", "goodbye", "ok", "okay", "cool", "yo", "all",
        "so", "much", "very", "lot", "a", "you", "folks", "team", "again", "nice", "day", "mate", "buddy", "guys", "dude", "heaps", "ta",
    ];

    private static readonly HashSet<string> GreetingSignals =
    [
        "hi", "hello", "hey", "hiya", "howdy", "morning", "afternoon", "evening", "thanks", "thank", "thx", "ty", "cheers", "appreciate",
        "appreciated", "perfect", "great", "awesome", "bye", "goodbye", "ok", "okay", "cool", "yo", "nice", "ta", "good",
    ];

    /// <summary>Words that make a message a question ("where is your shop?"), not small talk.</summary>
    private static readonly HashSet<string> QuestionWords = ["where", "what", "when", "which", "why", "whats", "wheres", "can", "do", "does", "is", "are"];

    private static string Greeting(KnowledgeSnapshot knowledge) =>
        $"Hi! Welcome to {knowledge.StoreName}. I can help with products, sizes and stock, shipping, returns and your order status. What are you looking for?";

    // ---------------------------------------------------------------- order status

    private AssistantReply? OrderStatus(Question question, KnowledgeSnapshot knowledge)
    {
        var lastNumbers = OrderNumbers(question.Text);
        var lastEmails = Emails(question.Text);
        // "What's the tracking number?" right after an order's status asks about that order: its number and email are
        // in the conversation already.
        var followsOrder = question.Earlier.LastOrDefault(t => t.Role == ChatRole.Assistant) is { } previous
            && previous.Text.StartsWith("Order ", StringComparison.Ordinal) && previous.Text.Contains(", placed on ", StringComparison.Ordinal)
            && OrderFollowUp().IsMatch(question.Text)
            && TextAnalyzer.Terms(question.Text) is var followTerms && !followTerms.Any(TextAnalyzer.IsPlace)
            && PolicyCategory(followTerms) is null or AssistantTopics.Shipping;
        var asksAboutOrder = followsOrder || OrderIntent().IsMatch(question.Text) || (lastNumbers.Count > 0 && OrderWord().IsMatch(question.Text));
        var continuesOrderDialogue = (lastNumbers.Count > 0 || lastEmails.Count > 0)
            && question.Earlier.Any(t => (t.Role == ChatRole.Shopper && OrderIntent().IsMatch(t.Text))
                || (t.Role == ChatRole.Assistant && t.Text.Contains("order number", StringComparison.OrdinalIgnoreCase)));
        if (!asksAboutOrder && !continuesOrderDialogue && !(lastNumbers.Count > 0 && lastEmails.Count > 0))
        {
            return null;
        }

        var shopperTexts = question.Earlier.Where(t => t.Role == ChatRole.Shopper).Select(t => t.Text).Append(question.Text).ToList();
        var numbers = shopperTexts.SelectMany(OrderNumbers).Reverse().Distinct().ToList();
        var emails = shopperTexts.SelectMany(Emails).Reverse().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (numbers.Count == 0 || emails.Count == 0)
        {
            // "How can I track my order?" is a question about the store's process: answer it from the knowledge when
            // it can be, and say what is needed to look up a particular order.
            // "Did my order ship yet?" asks about one order: only its number and email can answer that.
            if (lastNumbers.Count == 0 && lastEmails.Count == 0 && ProcessQuestion().IsMatch(question.Text))
            {
                if (PolicyAnswer(question, knowledge) is { } general)
                {
                    return general with { Text = general.Text + " If you'd like me to check a particular order, send its number together with the email address used for it." };
                }

                // "Can I pick up my order?" without an answer in the knowledge is not an order lookup either.
                if (PickupOrChange().IsMatch(question.Text))
                {
                    return null;
                }
            }

            return Reply(OrderCredentialsRequest, AssistantTopics.OrderStatus);
        }

        foreach (var number in numbers)
        {
            var order = knowledge.Orders.FirstOrDefault(o => SameOrderNumber(o.Number, number)
                && emails.Any(e => string.Equals(e, o.Email.Trim(), StringComparison.OrdinalIgnoreCase)));
            if (order is not null)
            {
                return Reply(DescribeOrder(order), AssistantTopics.OrderStatus);
            }
        }

        // The same words whether the number exists or not: the refusal must not reveal which orders exist.
        return Reply(OrderNotMatched, AssistantTopics.OrderStatus);
    }

    private static string DescribeOrder(SnapshotOrder order)
    {
        var text = new StringBuilder($"Order {order.Number}, placed on {Day(order.PlacedAt)}: ");
        var eta = order.EstimatedDelivery is { } e ? Day(e) : null;
        text.Append(order.Status switch
        {
            OrderStatuses.Pending => "we have received it and it is waiting to be processed.",
            OrderStatuses.Processing => "it is being prepared and has not shipped yet." + (eta is null ? string.Empty : $" Estimated delivery: {eta}."),
            OrderStatuses.Shipped => "it has shipped" + Carrier(order) + "." + (eta is null ? string.Empty : $" Estimated delivery: {eta}."),
            OrderStatuses.OutForDelivery => "it is out for delivery today" + Carrier(order) + ".",
            OrderStatuses.Delayed => "it is delayed" + Carrier(order) + "." + (eta is null ? string.Empty : $" The new estimated delivery is {eta}.")
                + " Sorry for the wait!",
            OrderStatuses.Delivered => "it has been delivered" + Carrier(order) + "." + (eta is null ? string.Empty : $" Delivery date: {eta}."),
            OrderStatuses.Cancelled => "it was cancelled.",
            OrderStatuses.Returned => "it was returned.",
            _ => $"its status is \"{order.Status}\"" + Carrier(order) + "." + (eta is null ? string.Empty : $" Estimated delivery: {eta}."),
        });
        if (order.Items.Count > 0)
        {
            text.Append(" Items: ").Append(string.Join(", ", order.Items.Take(5).Select(i => $"{i.Quantity} × {i.Name}")));
            text.Append(order.Items.Count > 5 ? $" and {order.Items.Count - 5} more." : ".");
        }

        return text.ToString();
    }

    private static string Carrier(SnapshotOrder order) =>
        (order.Carrier, order.TrackingNumber) switch
        {
            ({ } carrier, { } tracking) => $" with {carrier} (tracking number {tracking})",
            ({ } carrier, null) => $" with {carrier}",
            (null, { } tracking) => $" (tracking number {tracking})",
            _ => string.Empty,
        };

    private static bool SameOrderNumber(string stored, string given)
    {
        var a = NormalizeOrderNumber(stored);
        var b = NormalizeOrderNumber(given);
        if (a == b)
        {
            return true;
        }

        // "10023" for "NW-10023": the digits alone identify the order within one store.
        var digits = new string(a.Where(char.IsDigit).ToArray());
        return digits.Length >= 4 && b.All(char.IsDigit) && digits == b;
    }

    private static string NormalizeOrderNumber(string number) => number.Trim().TrimStart('#').Replace(" ", string.Empty).ToUpperInvariant();

    private static List<string> OrderNumbers(string text) =>
        OrderNumberPattern().Matches(text).Select(m => NormalizeOrderNumber(m.Groups["n"].Value)).ToList();

    private static List<string> Emails(string text) => EmailPattern().Matches(text).Select(m => m.Value.TrimEnd('.')).ToList();

    // ---------------------------------------------------------------- products

    private AssistantReply? ProductQuestion(Question question, KnowledgeSnapshot knowledge, bool policyFirst)
    {
        var terms = KnownPhrases(TextAnalyzer.Terms(question.Text).Distinct().ToList(), knowledge.Index);
        var lower = question.Text.ToLowerInvariant();
        var category = PolicyCategory(terms);
        // "Do u have a shop in Porto?" asks where the shop is, not for the stock of the Porto Derby.
        var wantsStock = StockIntent().IsMatch(lower) && !terms.Contains(LocationTerm);
        var wantsSize = SizeIntent().IsMatch(lower);
        var wantsCompatibility = CompatibilityIntent().IsMatch(lower);
        var wantsRecommendation = RecommendationIntent().IsMatch(lower);
        var wantsComparison = ComparisonIntent().IsMatch(lower);
        var mentioned = MentionedProducts(question.Text, knowledge);
        // A product of another kind named on the way ("cold" is the Insulated Mat's "insulated") does not make
        // "sleeping bag for cold nights" a question about that mat; a product of the kind asked for does.
        // Only the words before "for" can name it: "a game for family night" asks for a game, though "family" is in
        // one game's name.
        var subjectTerms = ForWord().Match(lower) is { Success: true } forAt ? TextAnalyzer.Terms(lower[..forAt.Index]).ToHashSet() : terms.ToHashSet();
        var needRequest = !wantsStock && !wantsSize && NeedRequest(lower, knowledge) is { Count: > 0 } needKinds
            && !mentioned.Any(m => knowledge.Index.ProductKinds[m].Overlaps(needKinds)
                && knowledge.Index.ProductNameTerms[m].Any(t => subjectTerms.Contains(t) && !knowledge.Index.CategoryTerms.Contains(t)));
        wantsRecommendation |= needRequest;

        if (SellQuestion().Match(lower) is { Success: true } sell && NotSold(lower[(sell.Index + sell.Length)..], knowledge))
        {
            return new AssistantReply(
                $"I can't find that in {knowledge.StoreName}'s catalogue or information, so I don't believe we sell it. I can help you find something similar.",
                AssistantTopics.Unknown, false, AssistantEngines.BuiltIn);
        }

        // "What's the warranty on the mixer?": a product whose own attribute speaks of the topic ("warranty: 3 years")
        // answers before the general policy does.
        // "How much to get the treadmill delivered?" of a "delivery: freight" asks a price the attribute does not
        // state: the policy's rate for that kind of product answers.
        var asksAmount = PriceWords().IsMatch(lower);
        var ownsTopic = category is not null && mentioned.Count > 0
            && knowledge.Products[mentioned[0]].Attributes.Any(a => PolicyCategory(TextAnalyzer.Terms(a.Key)) == category
                && (!asksAmount || MoneyAmount().IsMatch(a.Value)));

        // A store question ("is shipping free?", "can I return the jacket?") goes to the policies first.
        // "The leggings don't fit, can I send them back?" asks to return them: the fit is the reason, not the question.
        var returnsAsked = category == AssistantTopics.Returns;
        if (policyFirst && category is not null && !ownsTopic && !wantsStock && (!wantsSize || returnsAsked) && !wantsCompatibility
            && PolicyAnswer(question, knowledge, wantsSize ? FitTerms : null) is { } policy)
        {
            return policy;
        }

        if (mentioned.Count > 0 && !wantsStock && !wantsSize && !asksAmount && !wantsRecommendation
            && TopicPolicyAnswer(terms, mentioned, lower, knowledge) is { } topicPolicy)
        {
            return topicPolicy;
        }

        int? product = mentioned.Count > 0 ? mentioned[0] : null;
        var fromContext = false;
        var asksProperty = AttributeConcepts.Any(c => c.Cue.IsMatch(lower)) && terms.Count <= 4;
        if (product is null && (wantsStock || wantsSize || wantsCompatibility || asksProperty || ReferenceWord().IsMatch(lower) || FollowUpStart().IsMatch(lower))
            && !wantsRecommendation)
        {
            // "Do you have it in medium?", "and how heavy is it?": the product is the one the conversation was about.
            // "Is the white one in stock?" names a variant: of the products talked about, the latest that has it.
            var earlier = question.Earlier.AsEnumerable().Reverse().Select(t => MentionedProduct(t.Text, knowledge)).OfType<int>().Distinct().ToList();
            product = earlier.Where(p => MentionedVariant(question.Text, knowledge.Products[p]) is not null).Select(p => (int?)p).FirstOrDefault()
                ?? earlier.Select(p => (int?)p).FirstOrDefault();
            fromContext = product is not null;
        }

        // "The splash baby bath" then "in mint?": a short follow-up that names only a variant of the product talked
        // about asks for that variant.
        if (product is null && !wantsRecommendation && question.Earlier.Count > 0 && terms.Count <= 2)
        {
            product = question.Earlier.AsEnumerable().Reverse().Select(t => MentionedProduct(t.Text, knowledge)).OfType<int>()
                .Where(p => MentionedVariant(question.Text, knowledge.Products[p]) is not null).Select(p => (int?)p).FirstOrDefault();
            fromContext = product is not null;
        }

        if (product is { } equipped && !wantsSize && !wantsCompatibility && ExtraNotMentioned(lower, equipped, knowledge))
        {
            return DetailNotFound(question.Text, knowledge.Products[equipped], knowledge);
        }

        // "Can my 4yo play with it?", "OK from newborn?": the product's stated age range decides.
        if (product is { } aged && !wantsRecommendation && AgeOf(lower) is { } age && AgeAnswer(knowledge.Products[aged], age, knowledge) is { } ageAnswer)
        {
            return ageAnswer;
        }

        // "Will it fit through a 70 cm door?": the shopper's measure against the product's figure for that space
        // decides, before the size variants or a compatibility list that only names what else it fits.
        if (product is { } spaced && !wantsRecommendation && SpaceAnswer(question.Text, knowledge.Products[spaced], knowledge) is { } spaceAnswer)
        {
            return spaceAnswer;
        }

        // "The gopro 13": the 13 of "HERO13" is part of the name, not a detail asked.
        var contentTerms = product is { } named
            ? terms.Where(t => !knowledge.Index.ProductNameTerms[named].Contains(t) && !knowledge.Index.AllKinds.Contains(t)
                && !knowledge.Index.ProductNameNumbers[named].Contains(t)).ToHashSet()
            : terms.ToHashSet();

        // "Is the whey halal certified?": a word the store's information has nowhere is what is asked, and no line
        // that only shares the other words ("certified") answers it.
        var foreign = UnknownSubject(lower, contentTerms, knowledge.Index);
        // Asked of no product ("is there parking near the showroom?"), a line that shares only the other words
        // ("showroom") is no answer either.
        if (foreign.Count > 0 && product is null && !wantsRecommendation)
        {
            return Unknown(knowledge);
        }

        // "Will the daypack fit a hydration bladder?": "fit" with a thing named that the product's compatibility (or
        // another product) speaks of is compatibility; "does it fit true to size?" stays sizing.
        var measure = ShopperMeasure(question.Text);
        // Only a yes/no question: "what temperature can the skillet go in the oven?" asks for a property.
        if (!wantsCompatibility && product is { } subject && FitWord().IsMatch(lower) && !WhQuestion().IsMatch(lower))
        {
            var compatibility = knowledge.Products[subject].Attributes.Where(a => CompatibilityKey().IsMatch(a.Key)).Select(a => a.Value).ToList();
            var things = contentTerms.Where(t => !SizeWords.Contains(t) && !t.All(char.IsDigit)).ToList();
            wantsCompatibility = mentioned.Count > 1
                || compatibility.Any(c => TextAnalyzer.Terms(c).Intersect(things).Any())
                || (measure is not null && compatibility.Any(c => RangeHolds(c, measure.Value) is not null));
        }

        if (wantsCompatibility && CompatibilityAnswer(question, knowledge, CompatibilitySubject(question.Text, knowledge) ?? product) is { } compatibilityAnswer)
        {
            return compatibilityAnswer;
        }

        if (mentioned.Count >= 2 && (wantsComparison || OrBetween().IsMatch(lower)) && !wantsStock)
        {
            return Comparison(question.Text, mentioned, knowledge, contentTerms);
        }

        if (measure is not null && (wantsSize || WhichSize().IsMatch(lower)) && MeasurementSizing(question.Text, product, knowledge) is { } measured)
        {
            return measured;
        }

        // "I need a power bank, what do you recommend?" names a kind two products share: a recommendation, not one product.
        // "Is the concealer good for covering tattoos?" asks about the product named, not for another one.
        if (product is not null && !needRequest && (!wantsRecommendation || fromContext || (terms.Count <= 3 && mentioned.Count == 1)
            || (mentioned.Count == 1 && YesNoQuestion().IsMatch(lower))))
        {
            var p = knowledge.Products[product.Value];
            // "I'm usually a 40, what size in the Rio?" asks for advice on the size, not for the stock of a 40.
            if (wantsSize && WhichSize().IsMatch(lower) && !wantsStock)
            {
                return SizeAttributeAnswer(lower, p, knowledge) ?? SizingAnswer(p, knowledge);
            }

            // "Does it have a halal certificate?" is no stock question for a thing the store never mentions.
            var stockAsked = wantsStock && foreign.Count == 0;
            // "Does the hardback have a ribbon bookmark?" names a variant as the thing asked about, not as the stock
            // asked: a feature the product's own words never mention is asked, so "yes, in stock" is no answer; the
            // attributes and the product card answer instead.
            var variant = MentionedVariant(question.Text, p);
            var variantTerms = variant is null ? [] : TextAnalyzer.Terms(variant.Name).ToHashSet();
            var feature = contentTerms.Where(t => !variantTerms.Contains(t) && !SizeWords.Contains(t) && !t.All(char.IsDigit)).ToList();
            var featureAsked = variant is not null && !wantsStock && !wantsSize && YesNoQuestion().IsMatch(lower) && feature.Count > 0
                && !feature.Any(knowledge.Index.ProductAttributeTerms[product.Value].Contains);
            if ((variant is not null && !featureAsked) || (stockAsked && !asksProperty))
            {
                return StockAnswer(question.Text, p, knowledge);
            }

            if (wantsSize && !asksProperty)
            {
                return SizeAttributeAnswer(lower, p, knowledge) ?? SizingAnswer(p, knowledge);
            }

            // A store question that names a product in passing ("can you gift wrap it?", "opening hours of your shop
            // in Porto"): the FAQ or a policy answers it better than the product card. A place is the shopper's fact,
            // not what is asked: "is it made in Germany?" is not answered by the shipping line that names Germany.
            var detail = contentTerms.Where(t => t is not "cost" and not "stock" && !TextAnalyzer.IsPlace(t)).ToList();
            // "Can somebody come build it for me?" asks for a service of the store, not a property of the product.
            if (ServiceAsk().IsMatch(lower) && StoreAnswer(question, knowledge, product.Value, detail.Except(ServiceTerms).ToList(), ServiceTerms) is { } service)
            {
                return service;
            }

            if (foreign.Count == 0 && AttributeAnswer(question.Text, product.Value, knowledge, contentTerms) is { } attribute)
            {
                return attribute;
            }

            // "Which colours has it?": with no colour attribute, the variants are the colours it comes in.
            if (ColourQuestion().IsMatch(lower) && p.Variants.Count > 1 && !p.Variants.All(v => SizeLike().IsMatch(v.Name.Trim())))
            {
                return Reply($"The {p.Name} ({Money(p.Price, knowledge.Currency)}) comes in {string.Join(", ", p.Variants.Select(v => v.Name))}. {VariantSummary(p)}" + LinkOf(p),
                    AssistantTopics.Stock);
            }

            if (stockAsked)
            {
                return StockAnswer(question.Text, p, knowledge);
            }

            if (foreign.Count == 0 && StoreAnswer(question, knowledge, product.Value, detail) is { } storeAnswer)
            {
                return storeAnswer;
            }

            if (foreign.Count > 0)
            {
                // Only the unknown words are the detail: the product card's "I can't find that detail" with what it does hold.
                return ProductInfo(question.Text, foreign, product.Value, knowledge);
            }

            return ProductInfo(question.Text, terms, product.Value, knowledge);
        }

        // "tents?", "backpacks under 100": only kinds of product named, so the catalogue answers, not a policy that mentions tents.
        var onlyKinds = terms.Count > 0 && terms.All(t => knowledge.Index.AllKinds.Contains(t) || t.All(char.IsDigit));
        if (!onlyKinds && !wantsRecommendation && (PolicyAnswer(question, knowledge) ?? ServiceAnswer(question, knowledge, faqOnly: false)) is { } answer)
        {
            return answer;
        }

        // "Can you wrap it as a present?": shopping words, but without the catalogue's words ("gift" of the gift card)
        // what is left is the very question of an FAQ entry, so the store's service answers, not a product.
        if (wantsRecommendation && !onlyKinds && ServiceAnswer(question, knowledge, faqOnly: true) is { } serviceAnswer)
        {
            return serviceAnswer;
        }

        // "Do you wrap presents?", "is there a points card or something?": shopping words, but a store question an FAQ
        // entry asks in the same words when the catalogue has nothing for it ("recommend a vet" is no FAQ's question
        // just because an answer mentions a vet).
        return Recommendation(question.Text, terms, knowledge, wantsRecommendation)
            ?? (wantsRecommendation && !onlyKinds && FaqAsks(terms, knowledge.Index) ? PolicyAnswer(question, knowledge) : null);
    }

    /// <summary>
    /// "How does the subscription work?", "can someone check the car seat fits my car?": the products are named only by
    /// the words of a policy's own topic ("Subscription", "Car seat safety"), so the store's rules on that topic answer,
    /// not the card of a product that happens to share the word. The other words asked ("skip", "check") pick the line;
    /// with none, only "how does it work?" asks for the policy as a whole.
    /// </summary>
    private static AssistantReply? TopicPolicyAnswer(List<string> terms, List<int> mentioned, string lower, KnowledgeSnapshot knowledge)
    {
        var index = knowledge.Index;
        var named = mentioned.SelectMany(m => index.ProductNameTerms[m].Where(terms.Contains)).ToHashSet();
        var policy = named.Count == 0 ? -1 : index.PolicyTopicTerms.ToList().FindIndex(t => named.All(t.Contains));
        if (policy < 0 || PolicyCategory([.. index.PolicyTopicTerms[policy]]) is not null)
        {
            return null;
        }

        var rest = terms.Where(t => !index.PolicyTopicTerms[policy].Contains(t) && !index.CatalogueTerms.Contains(t)).ToList();
        // The rarer word decides: "skip" says more than "delivery", which every line of a subscription may mention.
        var lines = index.Passages.Select((p, i) => (Passage: p, Hits: rest.Where(index.PassageTerms[i].Contains).Sum(index.PassageIndex.Idf)))
            .Where(x => x.Passage.Policy == policy).ToList();
        var best = lines.MaxBy(x => x.Hits);
        if (rest.Count > 0 && best.Hits > 0)
        {
            return Reply(best.Passage.Text, TopicOf(null, best.Passage.Topic));
        }

        return rest.Count == 0 && HowItWorks().IsMatch(lower)
            ? Reply(Shorten(string.Join(" ", lines.Select(x => x.Passage.Text)), 600), TopicOf(null, knowledge.Policies[policy].Topic))
            : null;
    }

    /// <summary>The FAQ entry or policy that answers a store question naming a product in passing; null when none does.</summary>
    /// <param name="alsoIgnore">Words of the asking itself ("come") that are not what is asked.</param>
    private static AssistantReply? StoreAnswer(Question question, KnowledgeSnapshot knowledge, int product, List<string> detail,
        IReadOnlyCollection<string>? alsoIgnore = null)
    {
        if (detail.Count == 0)
        {
            return null;
        }

        // The question without the product's name first ("is the retinol serum cruelty free?" asks about
        // cruelty-free, however often the FAQ speaks of retinol); then with the name words the policies use, as
        // "Porto" of the Porto Derby is also the shop's town. A number of a name is never a store question.
        var nameTerms = knowledge.Index.ProductNameTerms[product];
        if (PolicyAnswer(question, knowledge, nameTerms.Concat(alsoIgnore ?? []).ToHashSet(), mustCover: detail, strict: true) is { } withoutName)
        {
            return withoutName;
        }

        // The policy must speak of what was asked beyond the product: "where are the boots made?" is not answered by
        // a returns line that mentions boots.
        var passing = nameTerms.Where(t => !knowledge.Index.PoliciesKnow(t) || t.All(char.IsDigit)).Concat(alsoIgnore ?? []).ToHashSet();
        return PolicyAnswer(question, knowledge, passing, mustCover: detail);
    }

    /// <summary>
    /// A store question that names what the store sells in passing ("subscriptions for protein", "see your sofas in
    /// real life"): asked again without the catalogue's words, what is left must still be a strong FAQ or policy match,
    /// so the usual coverage thresholds keep a loose overlap from answering.
    /// </summary>
    /// <param name="faqOnly">Whether what is left must be all in one FAQ entry's question (for a shopping request).</param>
    private static AssistantReply? ServiceAnswer(Question question, KnowledgeSnapshot knowledge, bool faqOnly)
    {
        var index = knowledge.Index;
        var terms = KnownPhrases(TextAnalyzer.Terms(question.Text).Distinct().ToList(), index);
        // The store's own name is no product named in passing ("who founded Glow Lab?" of a store with a "Glow" balm).
        var catalogue = terms.Where(t => index.CatalogueTerms.Contains(t) && !index.StoreNameTerms.Contains(t)).ToHashSet();
        var rest = terms.Except(catalogue).ToList();
        if (catalogue.Count == 0 || rest.Count == 0 || (faqOnly && !FaqAsks(rest, index)))
        {
            return null;
        }

        return PolicyAnswer(question, knowledge, catalogue);
    }

    /// <summary>Whether one FAQ entry's question holds every one of the words.</summary>
    private static bool FaqAsks(IReadOnlyCollection<string> terms, KnowledgeIndex index) =>
        terms.Count > 0 && Enumerable.Range(0, index.FaqQuestionIndex.Count).Any(d => terms.All(t => index.FaqQuestionIndex.Contains(d, t)));

    /// <summary>How a service is asked for ("can somebody come ..."): the asking, not what is asked.</summary>
    private static readonly string[] ServiceTerms = [.. TextAnalyzer.Terms("come coming send")];

    /// <summary>
    /// "Do you sell dishwashers?" of a kitchen shop that only has dishwasher-safe pans: the thing asked for is neither a
    /// kind or name of a product nor what an FAQ question or policy line is about, so the honest answer is no answer.
    /// </summary>
    private static bool NotSold(string asked, KnowledgeSnapshot knowledge)
    {
        var index = knowledge.Index;
        var thing = TextAnalyzer.Terms(asked).Where(t => !t.All(char.IsDigit)).ToList();
        if (thing.Count == 0)
        {
            return false;
        }

        // What a store question is about is in the FAQ's questions or a policy line: "do you sell gift cards?".
        // A service only a phrase names ("second-hand lenses" is pre-owned gear) is written if a question or line of the
        // store's own speaks of it, whatever thing it is asked for.
        var written = FaqAsks(thing, index) || Enumerable.Range(0, index.PassageIndex.Count).Any(d => thing.All(t => index.PassageIndex.Contains(d, t)))
            || thing.Any(t => TextAnalyzer.IsPhraseTerm(t) && (FaqAsks([t], index) || index.PassageIndex.Knows(t)));
        // The thing is the last word ("baby clothes" are clothes): it must be what some product is or is called.
        return !written && !index.CatalogueTerms.Contains(thing[^1]);
    }

    /// <summary>Words about the size itself, not a thing a product fits: "does it fit true to size?" names nothing else.</summary>
    private static readonly HashSet<string> SizeWords =
    [
        "size", "fit", "compatible", "small", "large", "big", "tight", "loose", "true", "run", "runs", "wide", "narrow", "long", "short",
        "length", "width", "well", "properly", "right", "correct", "snug", "me", "foot", "feet", "chest", "waist", "hip", "tall", "height",
    ];

    /// <summary>The product the text names best (see <see cref="MentionedProducts"/>).</summary>
    private static int? MentionedProduct(string text, KnowledgeSnapshot knowledge) =>
        MentionedProducts(text, knowledge).Select(i => (int?)i).FirstOrDefault();

    /// <summary>
    /// The products the text names, best first: by SKU, by most of the name's weight, or by a rare name word of its
    /// own ("Aurelio", "Nomad"); a kind word alone ("jacket") names no product.
    /// </summary>
    private static List<int> MentionedProducts(string text, KnowledgeSnapshot knowledge)
    {
        var index = knowledge.Index;
        var found = new List<(int Product, double Score)>();
        var sequence = TextAnalyzer.Terms(text);
        // "Fuji" for "Fujifilm": a word the catalogue does not know that begins a single name word is that word.
        sequence = sequence.Select(t => t.Length >= 4 && !index.ProductIndex.Knows(t) && !t.All(char.IsDigit)
            && index.ProductNameIndex.Terms.Where(n => n.StartsWith(t, StringComparison.Ordinal)).ToList() is [var whole] ? whole : t).ToList();
        var terms = sequence.ToHashSet();
        var bigrams = KnowledgeIndex.Bigrams(sequence);
        // "a7iv", "x-t5", "r50": a model code however it is spaced or hyphenated names the one product whose name has it.
        var models = KnowledgeIndex.ModelKeys(text);
        for (var i = 0; i < knowledge.Products.Count; i++)
        {
            if (index.ProductModelKeys[i].Overlaps(models)
                && index.ProductModelKeys[i].Intersect(models).Any(k => index.ProductModelKeys.Count(m => m.Contains(k)) == 1))
            {
                found.Add((i, 5));
                continue;
            }

            var sku = knowledge.Products[i].Sku;
            if (sku.Length >= 4 && text.Contains(sku, StringComparison.OrdinalIgnoreCase))
            {
                found.Add((i, 10));
                continue;
            }

            var name = index.ProductNameTerms[i];
            if (name.Count == 0)
            {
                continue;
            }

            var matched = name.Where(terms.Contains).ToList();
            if (matched.Count == 0)
            {
                continue;
            }

            var share = matched.Sum(index.ProductNameIndex.Idf) / name.Sum(index.ProductNameIndex.Idf);
            // "Sleeping" of "sleeping bag" is the category, shared by every sleeping bag: no name.
            // A two-letter model code of one product ("Zf") names it as well as a longer word.
            var distinctive = matched.Where(t => !index.CategoryTerms.Contains(t) && !t.All(char.IsDigit)
                && (t.Length >= 3 || (t.Length == 2 && index.ProductNameIndex.DocumentFrequency(t) == 1))).ToList();
            // Rare for this catalogue: "dog" in three of nine names is a common word there, not a name.
            var rareLimit = Math.Clamp(knowledge.Products.Count / 15, 1, 3);
            // A rare word names a product only if no other product uses it: "cycling" in the Cycling Helmet's name is
            // also how jackets and lights are described, so "I cycle to work" names no helmet.
            // A family of two ("Stormline" men's and women's) is still named by its word.
            var rare = distinctive.Any(t => index.ProductNameIndex.DocumentFrequency(t) <= Math.Max(rareLimit, 2)
                && (index.ProductIndex.DocumentFrequency(t) <= index.ProductNameIndex.DocumentFrequency(t) || index.ProperNameWords[i].Contains(t)));
            // Two name words together that only this product's name has ("mug set") name it even if each is a kind word.
            var unique = matched.Count >= 2 && index.ProductNameTerms.Count(n => matched.All(n.Contains)) == 1;
            // Words in the name's own order ("usb c to usb c cable") tell apart names that share their words.
            var order = index.ProductNameBigrams[i].Count(bigrams.Contains);
            if ((share >= 0.5 && distinctive.Count > 0) || rare || unique || (order >= 2 && share >= 0.3))
            {
                found.Add((i, share + (matched.Count * 0.01) + (order * 0.05)));
            }
        }

        // "the adjustabell": a coined name word written whole names its product, though its term is common.
        foreach (var word in TextAnalyzer.Words(text))
        {
            if (index.OwnNameWords.TryGetValue(word, out var own) && found.All(f => f.Product != own))
            {
                found.Add((own, 1.0));
            }
        }

        // "Is the harness suitable for puppies?": "the harness" of a store with one harness names it, before a word
        // ("puppy") of another product's name. Only the first "the ..." is the subject ("... in the oven" is not).
        var lowerText = text.ToLowerInvariant();
        if (TheSubject().Match(lowerText) is { Success: true } subject)
        {
            var kind = TextAnalyzer.Terms(subject.Groups["w"].Value).FirstOrDefault();
            if (kind is not null && index.AllKinds.Contains(kind) && found.All(f => f.Score < 10)
                && Enumerable.Range(0, knowledge.Products.Count).Where(i => index.ProductKinds[i].Contains(kind)).ToList() is [var one]
                && found.All(f => f.Product != one))
            {
                found.Add((one, 1.0));
            }
        }

        // "Got any 16kg kettlebells?" asks the stock of the one kettlebell as plainly as a yes/no question does.
        if (found.Count == 0 && (YesNoQuestion().IsMatch(lowerText) || StockIntent().IsMatch(lowerText)))
        {
            // "Does the harness come with a lead?" of a store with one harness: the kind names that one product.
            var only = terms.Where(index.AllKinds.Contains)
                .Select(kind => Enumerable.Range(0, knowledge.Products.Count).Where(i => index.ProductKinds[i].Contains(kind)).ToList())
                .FirstOrDefault(products => products.Count == 1);
            if (only is not null)
            {
                return only;
            }
        }

        if (found.Count >= 2)
        {
            // "Is the puppy food grain free?": "grain free" is in one food's name but is the other's attribute, the
            // property asked about; the name words left ("puppy food") say which product is meant.
            var keyTerms = found.SelectMany(f => index.ProductAttributeKeyTerms[f.Product]).ToHashSet();
            found = found.Select(f =>
            {
                if (f.Score >= 10)
                {
                    return f;
                }

                var name = index.ProductNameTerms[f.Product];
                var naming = name.Where(t => terms.Contains(t) && !keyTerms.Contains(t)).ToList();
                var share = naming.Sum(index.ProductNameIndex.Idf) / name.Sum(index.ProductNameIndex.Idf);
                return (f.Product, share + (naming.Count * 0.01) + (index.ProductNameBigrams[f.Product].Count(bigrams.Contains) * 0.05));
            }).ToList();
        }

        return found.OrderByDescending(f => f.Score).Select(f => f.Product).ToList();
    }

    private static AssistantReply ProductInfo(string question, List<string> terms, int productIndex, KnowledgeSnapshot knowledge)
    {
        var product = knowledge.Products[productIndex];
        var index = knowledge.Index;
        var nameTerms = index.ProductNameTerms[productIndex].ToHashSet();
        // "dumbell" for "Dumbbell": a name word misspelt by one letter still names the product, it asks no detail.
        var nameWords = TextAnalyzer.Words(product.Name).Where(w => w.Length >= 5).ToList();
        var misspelt = TextAnalyzer.Words(question).Where(w => w.Length >= 5 && nameWords.Any(n => n != w && WithinOneEdit(w, n)))
            .SelectMany(w => TextAnalyzer.Terms(w)).ToHashSet();
        var detailTerms = terms.Where(t => !nameTerms.Contains(t) && !index.AllKinds.Contains(t) && t is not "cost" and not "stock"
            && !index.ProductNameNumbers[productIndex].Contains(t) && !misspelt.Contains(t)).ToList();
        var price = Money(product.Price, knowledge.Currency);
        var text = new StringBuilder($"The {product.Name} costs {price}.");

        var matchedAttributes = product.Attributes
            .Where(a => TextAnalyzer.Terms(a.Key + " " + a.Value).Intersect(detailTerms).Any())
            .ToList();
        // "Glued on or loose?": when the information holds neither alternative, what it does hold is no answer.
        var options = OrOptions().Matches(question.ToLowerInvariant()).SelectMany(m => TextAnalyzer.Terms(m.Groups["a"].Value + " " + m.Groups["b"].Value))
            .Where(t => !nameTerms.Contains(t)).ToList();
        var unheldOptions = options.Count > 0 && !options.Any(index.ProductAttributeTerms[productIndex].Contains);
        if (matchedAttributes.Count > 0 && !unheldOptions)
        {
            text.Append(' ').Append(string.Join("; ", matchedAttributes.Take(4).Select(a => $"{Label(a.Key)}: {a.Value}"))).Append('.');
        }
        else if ((detailTerms.Count > 0 && !detailTerms.Any(index.ProductAttributeTerms[productIndex].Contains)) || unheldOptions)
        {
            return DetailNotFound(question, product, knowledge);
        }
        else
        {
            if (FirstSentence(product.Description) is { Length: > 0 } description)
            {
                text.Append(' ').Append(description);
            }

            if (Describe(product) is { Length: > 0 } summary)
            {
                text.Append(' ').Append(char.ToUpperInvariant(summary[0])).Append(summary[1..]);
            }
        }

        if (product.Variants.Count > 0 && matchedAttributes.Count == 0)
        {
            text.Append(' ').Append(VariantSummary(product));
        }

        text.Append(LinkOf(product));
        return Reply(text.ToString(), AssistantTopics.Product);
    }

    /// <summary>
    /// Asked for a detail the product's information does not hold: say so rather than guess. What is known is offered
    /// as context, but no "yes" of another property ("Vegan: yes" under "is it transfer proof?") and not the
    /// product's price when a price was asked ("how much is a replacement filter?"): either would read as the answer.
    /// </summary>
    private static AssistantReply DetailNotFound(string question, SnapshotProduct product, KnowledgeSnapshot knowledge)
    {
        var known = string.Join("; ", product.Attributes.Where(a => !IsKindOrGender(a.Key) && !BareYesNo().IsMatch(a.Value) && !LeadingYesNo().IsMatch(a.Value)).Take(3)
            .Select(a => $"{Label(a.Key)}: {a.Value}"));
        var price = Money(product.Price, knowledge.Currency);
        var context = PriceWords().IsMatch(question.ToLowerInvariant())
            ? (known.Length > 0 ? $"What I do know: {known}." : string.Empty)
            : $"It costs {price}" + (known.Length > 0 ? $"; {known}." : ".");
        return new AssistantReply(
            $"I can't find that detail for the {product.Name} in {knowledge.StoreName}'s product information, so I don't want to guess. " +
            context + LinkOf(product),
            AssistantTopics.Product, false, AssistantEngines.BuiltIn);
    }

    /// <summary>
    /// "Does the espresso machine come with a milk jug?", "does the hardback have a ribbon bookmark?": an extra is
    /// only there if the product's own information names it. A word of it the product never uses (even where a
    /// neighbouring word does appear: "milk" of "steam wand for textured milk") means the store has not said, so
    /// null lets the caller answer "I can't find that detail" instead of a "yes" built from the partial match.
    /// Store matters ("does it come with a warranty / gift wrap?") are left to the policies, and a way of asking
    /// for a property ("does it have a good grip?") to the attribute that the cue reads.
    /// </summary>
    private static bool ExtraNotMentioned(string lower, int productIndex, KnowledgeSnapshot knowledge)
    {
        if (IncludesQuestion().Match(lower) is not { Success: true } asked)
        {
            return false;
        }

        var index = knowledge.Index;
        var product = knowledge.Products[productIndex];
        var extra = asked.Groups["extra"].Value;
        var extraTerms = TextAnalyzer.Terms(extra).Where(t => !t.All(char.IsDigit) && !SizeWords.Contains(t)
            && !index.ProductNameTerms[productIndex].Contains(t) && !index.StoreNameTerms.Contains(t)).Distinct().ToList();
        if (extraTerms.Count == 0 || PolicyCategory(extraTerms) is not null || extraTerms.All(t => index.PoliciesKnow(t) && !index.ProductIndex.Knows(t)))
        {
            return false;
        }

        var variantTerms = product.Variants.SelectMany(v => TextAnalyzer.Terms(v.Name)).ToHashSet();
        var cuedKeys = AttributeConcepts.Concat(SpecificConcepts).Where(c => c.Cue.IsMatch(extra))
            .SelectMany(c => c.Keys).ToList();
        if (cuedKeys.Any(k => product.Attributes.Keys.Any(a => a.Contains(k, StringComparison.OrdinalIgnoreCase))))
        {
            return false;
        }

        return extraTerms.Any(t => !index.ProductIndex.Contains(productIndex, t) && !variantTerms.Contains(t));
    }

    /// <summary>
    /// The words asked that the store's information holds nowhere, not even one letter off (a typo), and that name the
    /// thing asked about: part of a compound with the next word ("halal certified", "ribbon bookmark", "national
    /// park") or what "is there ..." asks for ("parking"). A lone unknown word ("how heavy", "smell like", "on a
    /// plane") is usually a way of asking that a cue or synonym already reads, so it blocks nothing.
    /// </summary>
    private static List<string> UnknownSubject(string lower, IEnumerable<string> terms, KnowledgeIndex index)
    {
        var foreign = terms.Where(t => t.Length >= 4 && t.All(char.IsLetter) && !TextAnalyzer.IsPlace(t) && !TextAnalyzer.IsPhraseTerm(t)
                && !GenericTerms.Contains(t) && !index.Vocabulary.Contains(t)
                // A typo is one letter off a longer word ("parking" is no typo of "packing"); a word of the same
                // family cut differently ("washing" of "washable") shares its beginning.
                && !index.Vocabulary.Any(v => v.Length >= 4 && ((t.Length >= 5 && WithinOneEdit(t, v)) || v.StartsWith(t, StringComparison.Ordinal)
                    || t.StartsWith(v, StringComparison.Ordinal))))
            .ToHashSet();
        if (foreign.Count == 0)
        {
            return [];
        }

        var words = TextAnalyzer.Words(lower).ToList();
        var subject = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (TextAnalyzer.Terms(words[i]) is not [var term] || !foreign.Contains(term))
            {
                continue;
            }

            var compound = i + 1 < words.Count && TextAnalyzer.Terms(words[i + 1]) is [var next]
                && !GenericTerms.Contains(next) && !next.All(char.IsDigit);
            var existence = i > 0 && words[i - 1] is "there" or "any";
            if (compound || existence)
            {
                subject.Add(term);
            }
        }

        return subject;
    }

    /// <summary>Words of asking and of everyday talk that say nothing about what is asked, in any store.</summary>
    private static readonly HashSet<string> GenericTerms =
    [
        .. TextAnalyzer.Terms(
            "allowed allow possible possibly once twice ever never actually usually normally probably definitely able sure wonder " +
            "wondering curious quick mind enough kind sort exactly pretty quite bit little around else other another same " +
            "different fine happen happens mean means think thinking guess hope hoping near nearby close wait waiting bother " +
            "worth idea ideas option options choose choice decide deciding difference between whether either still already " +
            "yet today tomorrow tonight week weekend right left first last next thanks cheers please sorry hello morning evening " +
            "thing stuff someone something somewhere anywhere everywhere everything always sometimes often real really true " +
            "problem issue worry worried happy unhappy love loved hate like liked prefer rather better worse person people " +
            "friend friends family husband wife partner mum mom dad mother father brother sister baby " +
            // Joining words: "swimming without a case" is no compound.
            "without within inside outside through across during while whilst because when unless until " +
            // A colour the store doesn't list is a variant it doesn't have, which the stock answer says.
            "black white grey gray blue navy green red pink purple yellow orange brown beige cream gold silver"),
    ];

    /// <summary>Whether two words differ by one letter added, dropped or changed.</summary>
    private static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        var i = 0;
        while (i < shorter.Length && shorter[i] == longer[i])
        {
            i++;
        }

        if (i == shorter.Length)
        {
            return true; // equal, or one letter added at the end
        }

        return shorter.Length == longer.Length
            ? shorter.AsSpan(i + 1).SequenceEqual(longer.AsSpan(i + 1))
            : shorter.AsSpan(i).SequenceEqual(longer.AsSpan(i + 1));
    }

    private static string Describe(SnapshotProduct product) =>
        string.Join("; ", product.Attributes.Where(a => !IsKindOrGender(a.Key)).Take(3).Select(a => $"{Label(a.Key)}: {a.Value}")) is { Length: > 0 } s ? s + "." : string.Empty;

    private static bool IsKindOrGender(string key) => KnowledgeIndex.IsKindKey(key) || key.Equals("gender", StringComparison.OrdinalIgnoreCase);

    private static AssistantReply StockAnswer(string text, SnapshotProduct product, KnowledgeSnapshot knowledge)
    {
        if (product.Variants.Count == 0)
        {
            return Reply($"The {product.Name} ({Money(product.Price, knowledge.Currency)}) has no sizes or variants listed; I don't have a stock figure for it." + LinkOf(product),
                AssistantTopics.Stock);
        }

        var variant = MentionedVariant(text, product);
        if (variant is not null)
        {
            var others = product.Variants.Where(v => v.InStock && v != variant).Select(v => v.Name).ToList();
            return Reply(variant.InStock
                    ? $"Yes, the {product.Name} in {variant.Name} is in stock ({Money(product.Price, knowledge.Currency)})." + LinkOf(product)
                    : $"Sorry, the {product.Name} in {variant.Name} is out of stock right now." +
                      (others.Count > 0 ? $" In stock: {string.Join(", ", others)}." : " No other variant is in stock at the moment.") + LinkOf(product),
                AssistantTopics.Stock);
        }

        return Reply($"The {product.Name} ({Money(product.Price, knowledge.Currency)}): {VariantSummary(product)}" + LinkOf(product), AssistantTopics.Stock);
    }

    private static AssistantReply SizingAnswer(SnapshotProduct product, KnowledgeSnapshot knowledge)
    {
        var text = new StringBuilder();
        text.Append(product.Variants.Count == 0
            ? $"The {product.Name} comes in one size."
            : $"The {product.Name} comes in {string.Join(", ", product.Variants.Select(v => v.Name))}. {VariantSummary(product)}");
        var fit = product.Attributes.Where(a => SizeKey().IsMatch(a.Key)).ToList();
        if (fit.Count > 0)
        {
            text.Append(' ').Append(string.Join("; ", fit.Select(a => $"{Label(a.Key)}: {a.Value}"))).Append('.');
        }

        // A store-wide size guide in the FAQ or policies completes the answer.
        var guide = knowledge.Faq.FirstOrDefault(f => SizeGuide().IsMatch(f.Question));
        if (guide is not null)
        {
            text.Append(' ').Append(FirstSentence(guide.Answer));
        }

        return Reply(text.ToString().Trim() + LinkOf(product), AssistantTopics.Sizing);
    }

    private static SnapshotVariant? MentionedVariant(string text, SnapshotProduct product)
    {
        // "Does it run small?" is about the fit, not the size S.
        text = FitPhrase().Replace(text, " ");
        var lower = " " + text.ToLowerInvariant() + " ";
        foreach (var variant in product.Variants.OrderByDescending(v => v.Name.Length))
        {
            var name = variant.Name.Trim();
            var names = new List<string> { name.ToLowerInvariant() };
            if (SizeNames.TryGetValue(name.ToUpperInvariant(), out var spelled))
            {
                names.AddRange(spelled);
            }

            // "16kg" for "16 kg": a measure is written with or without its space.
            if (Regex.IsMatch(name, @"\d\s+[A-Za-z]"))
            {
                names.Add(Regex.Replace(name.ToLowerInvariant(), @"(?<=\d)\s+(?=[a-z])", string.Empty));
            }

            // "in 42" for "EU 42", "in 105" for "105 cm": the number alone names a variant whose name is one number.
            var number = VariantNumber().Match(name).Groups["n"].Value;
            // Not a number with another unit: "a 100 litre tank" is no "100 W" heater.
            if (number.Length > 0 && product.Variants.Count(v => VariantNumber().Match(v.Name).Groups["n"].Value == number) == 1
                && !Regex.IsMatch(lower, $@"(?<![a-z0-9.,]){Regex.Escape(number)}\s*(mm|cm|m|ml|l|litres?|liters?|kg|g|lbs?|oz|w|watts?|v|mah|inch(es)?|%)(?![a-z])"))
            {
                names.Add(number);
            }

            foreach (var candidate in names)
            {
                // A one- or two-letter size ("S", "M") only counts written in capitals or after "size", so "a" or "is" never match.
                if (candidate.Length <= 2 && candidate.All(char.IsLetter))
                {
                    if (Regex.IsMatch(text, $@"(?<![A-Za-z0-9]){Regex.Escape(candidate.ToUpperInvariant())}(?![A-Za-z0-9])")
                        || Regex.IsMatch(lower, $@"\bsize\s+{Regex.Escape(candidate)}\b"))
                    {
                        return variant;
                    }
                }
                else if (Regex.IsMatch(lower, $@"(?<![a-z0-9]){Regex.Escape(candidate)}(?![a-z0-9])"))
                {
                    return variant;
                }
            }
        }

        // "And in oat?", "what about the blue one": a word of one variant's name that no other variant and not the
        // product's own name has names that variant ("Oat Linen", "Pastel Blue").
        var nameWords = TextAnalyzer.Words(product.Name).ToHashSet();
        var variantWords = product.Variants.Select(v => TextAnalyzer.Words(v.Name).Where(w => w.Length >= 3 && w.All(char.IsLetter)
            && !TextAnalyzer.IsStopWord(w) && !nameWords.Contains(w)).ToHashSet()).ToList();
        var asked = TextAnalyzer.Words(text).ToHashSet();
        var named = product.Variants.Where((v, i) => variantWords[i].Any(w => asked.Contains(w) && variantWords.Count(o => o.Contains(w)) == 1)).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    private static readonly Dictionary<string, string[]> SizeNames = new()
    {
        ["XS"] = ["extra small", "x-small", "extra-small"],
        ["S"] = ["small"],
        ["M"] = ["medium"],
        ["L"] = ["large"],
        ["XL"] = ["extra large", "x-large", "extra-large"],
        ["XXL"] = ["2xl", "xx-large", "double xl"],
    };

    private static string VariantSummary(SnapshotProduct product)
    {
        var inStock = product.Variants.Where(v => v.InStock).Select(v => v.Name).ToList();
        var outOfStock = product.Variants.Where(v => !v.InStock).Select(v => v.Name).ToList();
        if (inStock.Count == 0)
        {
            return "All variants are out of stock right now.";
        }

        return $"In stock: {string.Join(", ", inStock)}." + (outOfStock.Count > 0 ? $" Out of stock: {string.Join(", ", outOfStock)}." : string.Empty);
    }

    /// <summary>"fits laptops 10 to 16 inches" reads better than "is compatible with" for a key that says how it fits.</summary>
    private static string CompatibilityVerb(string key) =>
        key.StartsWith("fit", StringComparison.OrdinalIgnoreCase) ? "fits" : "is compatible with";

    /// <summary>Of the products named, the one whose compatibility is listed: "Is the rain cover compatible with the pack?" is about the cover.</summary>
    private static int? CompatibilitySubject(string text, KnowledgeSnapshot knowledge) =>
        MentionedProducts(text, knowledge).Select(i => (int?)i)
            .FirstOrDefault(i => knowledge.Products[i!.Value].Attributes.Keys.Any(k => CompatibilityKey().IsMatch(k)));

    private static AssistantReply? CompatibilityAnswer(Question question, KnowledgeSnapshot knowledge, int? mentioned)
    {
        var index = knowledge.Index;
        var terms = TextAnalyzer.Terms(question.Text).Distinct().ToList();
        if (mentioned is { } subjectIndex)
        {
            var subject = knowledge.Products[subjectIndex];
            var compatibility = subject.Attributes.FirstOrDefault(a => CompatibilityKey().IsMatch(a.Key));
            var otherTerms = terms.Except(index.ProductNameTerms[subjectIndex]).Where(t => t != "compatible").ToList();
            if (compatibility.Key is not null)
            {
                var value = compatibility.Value;
                // A measurement against a stated range ("a 17 inch laptop" for "laptops 10 to 16 inches") decides by number.
                if (ShopperMeasure(question.Text) is { } measure && RangeHolds(value, measure) is { } holds)
                {
                    var shown = ShopperMeasureText(question.Text);
                    return Reply(holds
                            ? $"Yes — the {subject.Name} {CompatibilityVerb(compatibility.Key)} {value}, and {shown} is within that." + LinkOf(subject)
                            : $"No — the {subject.Name} {CompatibilityVerb(compatibility.Key)} {value}, so {shown} is outside its range." + LinkOf(subject),
                        AssistantTopics.Compatibility);
                }

                // "not S24+ or S24 Ultra", "not Nintendo Switch": what the listing excludes is a no, however similar.
                var negated = NegatedPart().Matches(value).Select(m => m.Groups["x"].Value).ToList();
                var excluded = negated.SelectMany(TextAnalyzer.Terms).ToHashSet();
                var listed = TextAnalyzer.Terms(NegatedPart().Replace(value, " ")).ToHashSet();
                var matched = otherTerms.Where(listed.Contains).ToList();
                var refused = otherTerms.Where(t => excluded.Contains(t) && !listed.Contains(t)).ToList();
                if (refused.Count > 0 && refused.Count >= matched.Count)
                {
                    return Reply($"No — the {subject.Name} is not compatible with that: it {CompatibilityVerb(compatibility.Key)} {value}." + LinkOf(subject),
                        AssistantTopics.Compatibility);
                }

                return Reply(matched.Count > 0 && matched.Count >= otherTerms.Count(t => !index.AllKinds.Contains(t) && !SizeWords.Contains(t)) / 2.0
                        ? $"Yes, the {subject.Name} {CompatibilityVerb(compatibility.Key)} {value}." + LinkOf(subject)
                        : $"The {subject.Name} is listed as compatible with: {value}. I can't confirm compatibility with anything else." + LinkOf(subject),
                    AssistantTopics.Compatibility);
            }

            // The other way round: accessories whose compatibility names the product mentioned.
            var accessories = knowledge.Products
                .Where(p => p != subject && p.Attributes.Any(a => CompatibilityKey().IsMatch(a.Key)
                    && index.ProductNameTerms[subjectIndex].Count(t => TextAnalyzer.Terms(a.Value).Contains(t)) >= Math.Max(1, index.ProductNameTerms[subjectIndex].Count - 1)))
                .ToList();
            if (accessories.Count > 0)
            {
                return Reply($"These work with the {subject.Name}: " + string.Join("; ", accessories.Take(MaxListed)
                    .Select(a => $"{a.Name} ({Money(a.Price, knowledge.Currency)})")) + ".", AssistantTopics.Compatibility);
            }

            // No compatibility listed: another attribute ("skin type: sensitive") may still answer; the caller decides.
            return null;
        }

        // No product named, a measurement given ("my tank is 90 litres, which heater fits"): the products whose range holds it.
        if (ShopperMeasure(question.Text) is { } given)
        {
            var kinds = terms.Where(index.AllKinds.Contains).ToHashSet();
            var fitting = knowledge.Products.Select((p, i) => (Product: p, Index: i))
                .Where(c => kinds.Count == 0 || index.ProductKinds[c.Index].Overlaps(kinds))
                .Select(c => (c.Product, Attribute: c.Product.Attributes.FirstOrDefault(a => (CompatibilityKey().IsMatch(a.Key) || SuitableKey().IsMatch(a.Key)) && RangeHolds(a.Value, given) == true)))
                .Where(c => c.Attribute.Key is not null)
                .Take(MaxListed)
                .ToList();
            if (fitting.Count > 0)
            {
                return Reply(string.Join(" ", fitting.Select(c => $"The {c.Product.Name} ({Money(c.Product.Price, knowledge.Currency)}) fits: {Label(c.Attribute.Key).ToLowerInvariant()} {c.Attribute.Value}.")),
                    AssistantTopics.Compatibility);
            }
        }

        // No product named: find products whose compatibility lists what the shopper has ("fits a 40 L pack").
        var candidates = knowledge.Products
            .Select((p, i) => (Product: p, Index: i, Compatibility: p.Attributes.FirstOrDefault(a => CompatibilityKey().IsMatch(a.Key))))
            .Where(c => c.Compatibility.Key is not null)
            .Select(c => (c.Product, Score: terms.Count(t => TextAnalyzer.Terms(c.Compatibility.Value + " " + c.Product.Name).Contains(t)), c.Compatibility))
            .Where(c => c.Score >= 2)
            .OrderByDescending(c => c.Score)
            .Take(MaxListed)
            .ToList();
        return candidates.Count == 0
            ? null
            : Reply(string.Join(" ", candidates.Select(c => $"The {c.Product.Name} ({Money(c.Product.Price, knowledge.Currency)}) is compatible with {c.Compatibility.Value}.")),
                AssistantTopics.Compatibility);
    }

    private static AssistantReply? Recommendation(string text, List<string> terms, KnowledgeSnapshot knowledge, bool explicitRecommendation)
    {
        if (knowledge.Products.Count == 0)
        {
            return null;
        }

        var index = knowledge.Index;
        var lower = text.ToLowerInvariant();
        var maxPrice = PriceBound(MaxPricePattern().Match(lower));
        var minPrice = PriceBound(MinPricePattern().Match(lower));
        var kinds = terms.Where(index.AllKinds.Contains).ToHashSet();
        var gender = terms.Contains("women") ? "women" : terms.Contains("men") ? "men" : terms.Contains("kid") ? "kid" : null;
        // Several kinds named ("a light tent": "light" is also the kind of the bike lights): all of them are
        // candidates, and each also counts as a need, so the product that is all of them ranks first.
        // "Present for an 8yo": the age is who it is for, judged against each product's age range, not a word to find.
        var age = AgeOf(lower);
        var ageTerms = age is { } given ? TextAnalyzer.Terms(given.Phrase).ToHashSet() : [];
        var needs = WithoutStoreName(terms, index).Where(t => (kinds.Count >= 2 || !kinds.Contains(t)) && t is not "men" and not "women" and not "kid" and not "cost"
            && !t.All(char.IsDigit) && !ageTerms.Contains(t)).ToList();

        if (kinds.Count == 0 && !explicitRecommendation && maxPrice is null)
        {
            // Not a shopping request, and no policy or FAQ answers it: nothing in the catalogue may be made up for it.
            var coverage = index.ProductIndex.Rank(needs).Select(r => index.ProductIndex.Coverage(r.Document, needs)).DefaultIfEmpty(0).First();
            if (coverage < 0.75 || needs.Count == 0)
            {
                return null;
            }
        }

        var candidates = Enumerable.Range(0, knowledge.Products.Count)
            .Where(i => kinds.Count == 0 || index.ProductKinds[i].Overlaps(kinds) || index.ProductNameTerms[i].Any(kinds.Contains))
            .Where(i => gender is null || FitsGender(knowledge.Products[i], gender))
            .Where(i => age is null || SuitsAge(knowledge.Products[i], age.Value))
            .Where(i => knowledge.Products[i].Variants.Count == 0 || knowledge.Products[i].Variants.Any(v => v.InStock))
            .ToList();
        if (candidates.Count == 0 && age is { } tooYoungOrOld && kinds.Count > 0)
        {
            // "Remote control car for a 6 year old?" when the only one is for 8 and up: say who they are for instead.
            var ofKind = Enumerable.Range(0, knowledge.Products.Count)
                .Where(i => index.ProductKinds[i].Overlaps(kinds) || index.ProductNameTerms[i].Any(kinds.Contains))
                .Select(i => knowledge.Products[i]).Where(p => AgeAttribute(p) is not null).Take(MaxListed).ToList();
            if (ofKind.Count > 0)
            {
                return Reply($"Sorry, I couldn't find one for {tooYoungOrOld.Shown}: " + string.Join("; ", ofKind.Select(p =>
                    $"the {p.Name} ({Money(p.Price, knowledge.Currency)}) is for {AgeAttribute(p)!.Value.Value}")) + ".", AssistantTopics.Recommendation);
            }
        }

        if (candidates.Count == 0)
        {
            return kinds.Count == 0 ? null : new AssistantReply(
                $"I couldn't find that kind of product in {knowledge.StoreName}'s catalogue right now.",
                AssistantTopics.Recommendation, false, AssistantEngines.BuiltIn);
        }

        // "Which coffee is good for cold brew?": when no product of the kind named has the use asked, a product whose
        // category says it is of that kind ("category: coffee blend" of the Cold Brew Blend) and has the use counts too.
        // Only then: a "phone case" is no phone when a phone would do.
        if (kinds.Count > 0 && needs.Count > 0 && !candidates.Any(i => needs.Any(t => index.ProductIndex.Contains(i, t))))
        {
            candidates.AddRange(Enumerable.Range(0, knowledge.Products.Count)
                .Where(i => !candidates.Contains(i) && needs.Any(t => index.ProductIndex.Contains(i, t))
                    && knowledge.Products[i].Attributes.Where(a => KnowledgeIndex.IsKindKey(a.Key)).Any(a => TextAnalyzer.Terms(a.Value).Any(kinds.Contains)))
                .Where(i => gender is null || FitsGender(knowledge.Products[i], gender))
                .Where(i => age is null || SuitsAge(knowledge.Products[i], age.Value))
                .Where(i => knowledge.Products[i].Variants.Count == 0 || knowledge.Products[i].Variants.Any(v => v.InStock)));
        }

        // "A pushchair we can take on flights": a use no product words the same way is read as the property it cues
        // ("flight" is an airline, cabin or travel line), so the product that states it is the match.
        var alternates = UseAlternates(lower, needs, candidates, index);

        // "Start baking bread": the thing ("bread") says more than the activity ("baking") done to it, so the activity
        // word weighs half when the products found tie.
        var activities = Activities(lower).Where(needs.Contains).ToHashSet();
        var things = needs.Where(t => !activities.Contains(t)).ToList();
        var alternateTerms = alternates.Values.SelectMany(a => a).Distinct().ToList();
        var ranked = candidates
            .Select(i => (Index: i, Score: index.ProductIndex.Score(i, things) + (0.5 * index.ProductIndex.Score(i, activities.ToList()))
                    + (0.5 * index.ProductIndex.Score(i, alternateTerms)),
                Matched: needs.Count(t => index.ProductIndex.Contains(i, t)
                    || (alternates.TryGetValue(t, out var other) && other.Any(o => index.ProductIndex.Contains(i, o))))))
            .OrderByDescending(c => c.Matched).ThenByDescending(c => c.Score).ThenBy(c => knowledge.Products[c.Index].Price)
            .ToList();
        var withinBudget = ranked.Where(c => (maxPrice is null || knowledge.Products[c.Index].Price <= maxPrice)
            && (minPrice is null || knowledge.Products[c.Index].Price >= minPrice)).ToList();
        var topic = explicitRecommendation || needs.Count > 0 || maxPrice is not null ? AssistantTopics.Recommendation : AssistantTopics.Product;
        if (withinBudget.Count == 0)
        {
            var cheapest = ranked.OrderBy(c => knowledge.Products[c.Index].Price).First();
            var p = knowledge.Products[cheapest.Index];
            return Reply($"I couldn't find a match within that budget. The closest is the {p.Name} at {Money(p.Price, knowledge.Currency)}." + LinkOf(p), topic);
        }

        var bestMatched = withinBudget[0].Matched;
        // "Can I customise the label on a candle?", "can you recommend a vet?": nothing known answers what was asked.
        if (maxPrice is null && needs.Count > 0 && bestMatched == 0 && (kinds.Count == 0 || (!explicitRecommendation && ProcessQuestion().IsMatch(text))))
        {
            // "Can I customise the label on a candle?": the kind is sold, but nothing known answers what was asked.
            return null;
        }

        var picks = withinBudget.Where(c => c.Matched == bestMatched || needs.Count == 0).Take(MaxListed).ToList();
        var lines = picks.Select(c =>
        {
            var p = knowledge.Products[c.Index];
            var reasons = p.Attributes.Where(a => !IsKindOrGender(a.Key) && TextAnalyzer.Terms(a.Key + " " + a.Value).Intersect(needs).Any())
                .Take(3).Select(a => $"{Label(a.Key).ToLowerInvariant()}: {a.Value}").ToList();
            return $"{p.Name} ({Money(p.Price, knowledge.Currency)})" + (reasons.Count > 0 ? " — " + string.Join(", ", reasons) : string.Empty);
        });
        var intro = picks.Count == 1 ? "I'd suggest the " : "Here are some good matches: ";
        return Reply(intro + string.Join("; ", lines) + "." + (picks.Count == 1 ? LinkOf(knowledge.Products[picks[0].Index]) : string.Empty), topic);
    }

    /// <summary>
    /// For each need that no candidate holds in its own words, the attribute words of the property its word cues
    /// ("flights" cues airline, flight, cabin, travel). A need some candidate does hold keeps its literal meaning.
    /// </summary>
    private static Dictionary<string, List<string>> UseAlternates(string lower, List<string> needs, List<int> candidates, KnowledgeIndex index)
    {
        var alternates = new Dictionary<string, List<string>>();
        var unheld = needs.Where(t => !candidates.Any(i => index.ProductIndex.Contains(i, t))).ToHashSet();
        if (unheld.Count == 0)
        {
            return alternates;
        }

        foreach (var (cue, keys) in AttributeConcepts)
        {
            foreach (Match match in cue.Matches(lower))
            {
                foreach (var term in TextAnalyzer.Terms(match.Value).Where(unheld.Contains))
                {
                    var words = TextAnalyzer.Terms(string.Join(" ", keys)).Where(k => k != term);
                    alternates[term] = [.. alternates.GetValueOrDefault(term, []).Concat(words).Distinct()];
                }
            }
        }

        return alternates;
    }

    /// <summary>The terms of "-ing" words followed by the thing they act on ("baking bread", "roasting vegetables").</summary>
    private static IEnumerable<string> Activities(string lower)
    {
        var words = TextAnalyzer.Words(lower).ToList();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i].Length > 5 && words[i].EndsWith("ing", StringComparison.Ordinal) && !TextAnalyzer.IsStopWord(words[i + 1])
                && TextAnalyzer.Terms(words[i]) is [var activity])
            {
                yield return activity;
            }
        }
    }

    private static bool FitsGender(SnapshotProduct product, string gender)
    {
        var attribute = product.Attributes.FirstOrDefault(a => a.Key.Equals("gender", StringComparison.OrdinalIgnoreCase)).Value;
        var terms = TextAnalyzer.Terms((attribute ?? string.Empty) + " " + product.Name);
        var stated = terms.Where(t => t is "men" or "women" or "kid" or "unisex").ToList();
        return stated.Count == 0 || stated.Contains(gender) || stated.Contains("unisex");
    }

    private static decimal? PriceBound(Match match) =>
        match.Success && decimal.TryParse(match.Groups["amount"].Value.Replace(",", string.Empty), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;

    // ---------------------------------------------------------------- policies and FAQ

    /// <param name="ignore">Words the question has that are not what it asks (the name of the product it mentions in passing).</param>
    /// <param name="mustCover">Words of which the answer must hold at least one (what is asked beyond a product's name).</param>
    /// <param name="strict">Whether the answer must hold the rarest of <paramref name="mustCover"/>, not just any.</param>
    private static AssistantReply? PolicyAnswer(Question question, KnowledgeSnapshot knowledge, IReadOnlySet<string>? ignore = null,
        IReadOnlyCollection<string>? mustCover = null, bool strict = false)
    {
        var index = knowledge.Index;
        var asked = WithoutStoreName(KnownPhrases(TextAnalyzer.Terms(question.Text).Distinct().ToList(), index).Where(t => ignore is null || !ignore.Contains(t)).ToList(), index);
        var terms = TextAnalyzer.ExpandKinds(TextAnalyzer.ExpandPlaces(asked, index.PoliciesKnow), index.PoliciesKnow);
        // "My candle arrived broken": the product word is not what the policy is asked about, and no policy names it;
        // "after 6 months": the shopper's own number is a fact to judge by, not a word to find.
        var policyTerms = terms.Where(t => index.PoliciesKnow(t) || (!index.ProductNameIndex.Knows(t) && !index.AllKinds.Contains(t) && !t.All(char.IsDigit))).ToList();
        if (policyTerms.Count > 0)
        {
            terms = policyTerms;
        }

        if (terms.Count == 0)
        {
            return null;
        }

        var category = PolicyCategory(terms);
        // FAQ entries rank by their question first: an entry that merely mentions the word in its answer comes after.
        var faq = index.FaqIndex.Rank(terms)
            .Select(r => (r.Document, Score: index.FaqQuestionIndex.Score(r.Document, terms) + (0.3 * r.Score), Coverage: index.FaqIndex.Coverage(r.Document, terms)))
            .OrderByDescending(r => r.Score)
            .FirstOrDefault();
        var faqQuestionCoverage = index.FaqQuestionIndex.Count > 0 && faq.Score > 0 ? index.FaqQuestionIndex.Coverage(faq.Document, terms) : 0;

        // "How much is postage?" wants the passage with an amount, "how long...?" the one with a duration.
        var lowerQuestion = question.Text.ToLowerInvariant();
        var wantsAmount = PriceWords().IsMatch(lowerQuestion);
        var wantsDuration = DurationQuestion().IsMatch(lowerQuestion);
        // "Do you deliver to Northern Ireland?" wants what delivery there costs and takes: of the lines naming the
        // place, the one with its rate or time.
        var placeAsked = category == AssistantTopics.Shipping && asked.Any(TextAnalyzer.IsPlace) && !wantsAmount && !wantsDuration;
        // "How long does shipping take?" names no option, place or product: the standard service is what is asked,
        // not the shorter line of the express one or of a remote region.
        var plainAsked = category is not null && (wantsAmount || wantsDuration)
            && terms.All(t => PolicyCategory([t]) == category || PlainAskTerms.Contains(t));
        double AnswerType(string passage) =>
            (wantsAmount && MoneyAmount().IsMatch(passage) ? 1.4 : 1) * (wantsDuration && Duration().IsMatch(passage) ? 1.4 : 1)
            * (placeAsked && (MoneyAmount().IsMatch(passage) || Duration().IsMatch(passage)) ? 1.4 : 1)
            * (plainAsked && TextAnalyzer.Terms(passage).Contains(StandardTerm) ? 1.4 : 1);
        var passages = index.PassageIndex.Rank(terms)
            .Select(r => (r.Document, Score: r.Score * TopicWeight(index.Passages[r.Document].Topic, category, terms.Contains(DamageTerm)) * AnswerType(index.Passages[r.Document].Text),
                Coverage: index.PassageIndex.Coverage(r.Document, terms)))
            .OrderByDescending(r => r.Score)
            .ToList();
        var best = passages.FirstOrDefault();

        // A question with a clear topic ("... shipping ...") may carry words the knowledge lacks (a country, a brand)
        // and still be answered by that topic's policy; without one, most of the question must be accounted for.
        var faqCategory = faq.Score > 0 ? PolicyCategory(TextAnalyzer.Terms(knowledge.Faq[faq.Document].Question)) : null;
        var faqNeeded = category is not null && faqCategory == category ? CategoryCoverage : AnswerCoverage;
        var passageNeeded = category is not null && best.Score > 0 && PolicyCategory(TextAnalyzer.Terms(index.Passages[best.Document].Topic)) == category
            ? CategoryCoverage
            : AnswerCoverage;
        // An entry whose answer holds every word asked ("do you test on animals?" of "cruelty-free?") answers too.
        // One word asked that only one entry's answer has, and no policy ("where are you located?" of the entry with
        // the studio's street address) is that entry's.
        var onlyHome = terms.Count == 1 && faq.Score > 0 && index.FaqIndex.DocumentFrequency(terms[0]) == 1 && !index.PassageIndex.Knows(terms[0]);
        var faqStrong = faq.Score > 0 && faq.Coverage >= faqNeeded && (faqQuestionCoverage >= faqNeeded * 0.8 || (faq.Coverage >= 0.85 && terms.Count >= 2) || onlyHome)
            && (mustCover is null || Covers(index.FaqIndex, faq.Document, mustCover, strict));
        var passageStrong = best.Score > 0 && best.Coverage >= passageNeeded
            && (mustCover is null || Covers(index.PassageIndex, best.Document, mustCover, strict));
        // "What's the warranty on your jackets?": an entry about jackets that never speaks of warranties loses to the
        // warranty policy; the question's topic is what it asks, the product kind only narrows it.
        var passageOwnsTopic = passageStrong && category is not null && faqCategory != category
            && PolicyCategory(TextAnalyzer.Terms(index.Passages[best.Document].Topic)) == category;
        // An entry that accounts for clearly more of the question wins even if only its answer has some of the words:
        // "Can I hire a sleeping bag?" is "Can I hire a tent? — we hire out tents and sleeping bags".
        // An entry that accounts for all a line does, and asks a good part of it in its question, is written to answer
        // it: "second-hand lenses?" is "Do you sell used gear? — pre-owned cameras, lenses ...", not the trade-in line
        // that names used lenses.
        // Its question must hold the rarest word asked, the one that says what is asked ("how long does 2-person
        // delivery take?" is not "Can I choose my delivery day?").
        var faqAsksAsMuch = faq.Score > 0 && faq.Coverage >= best.Coverage - 1e-9 && faqQuestionCoverage >= faqNeeded * 0.8
            && index.FaqQuestionIndex.Contains(faq.Document, terms.MaxBy(index.FaqIndex.Idf)!);
        // "How much is delivery?" wants a figure: an entry that only shares the topic word ("will the delivery team
        // take the packaging away?") and states no price or time loses to a line that does.
        var faqAnswer = faq.Score > 0 ? knowledge.Faq[faq.Document].Answer : string.Empty;
        var bestText = passageStrong ? index.Passages[best.Document].Text : string.Empty;
        var faqLacksFigure = passageStrong
            && ((wantsAmount && !HasPrice(faqAnswer) && HasPrice(bestText)) || (wantsDuration && !Duration().IsMatch(faqAnswer) && Duration().IsMatch(bestText)));
        if (faqStrong && !passageOwnsTopic && !faqLacksFigure && (!passageStrong || faqAsksAsMuch || faqQuestionCoverage >= best.Coverage - 0.1 || faq.Coverage >= best.Coverage + 0.2))
        {
            return Reply(Shorten(knowledge.Faq[faq.Document].Answer, 500), TopicOf(category, knowledge.Faq[faq.Document].Question));
        }

        if (!passageStrong)
        {
            return null;
        }

        // The best passage, with the other strong passages of the same policy, in the policy's own order.
        var policy = index.Passages[best.Document].Policy;
        var strong = passages.Where(p => index.Passages[p.Document].Policy == policy && p.Score >= best.Score * 0.6 && p.Coverage >= passageNeeded * 0.6)
            .Take(3).Select(p => index.Passages[p.Document]).ToList();
        // A line of a policy is written as one thought: "US customers get a free prepaid return label. Canadian
        // customers pay their own return shipping." and "Standard is $7.99. 2-Day Air is $19.99" answer together.
        // Asked nothing but the topic of a thing the store sells ("the leggings don't fit, can I send them back?"), the
        // policy's opening line, its general rule, answers first, before the exceptions that merely repeat the topic word.
        var onlyTopic = category is not null && terms.Any(t => PolicyCategory([t]) == category)
            && terms.All(t => PolicyCategory([t]) == category || index.CatalogueTerms.Contains(t));
        var opening = onlyTopic ? index.Passages.Where(p => p.Policy == policy).Min(p => p.Line) : -1;
        var chosen = index.Passages.Where(p => p.Policy == policy && (p.Line == opening || strong.Any(s => s.Line == p.Line)))
            .OrderBy(p => p.Position).Select(p => p.Text);
        var topicName = knowledge.Policies[policy].Topic;
        return Reply(Shorten(string.Join(" ", chosen), 600), TopicOf(category, topicName));
    }

    /// <summary>A stated price ("£4.95"), not merely "free": "free of charge" does not say what a thing costs.</summary>
    private static bool HasPrice(string text) =>
        MoneyAmount().Matches(text).Any(m => !m.Value.Equals("free", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether the document holds the rarest of the words, the one that says what is asked: "come with a lead" is not
    /// answered by "come with a 2-year warranty".
    /// </summary>
    /// <param name="strict">Whether the rarest word must be held; otherwise any one of them will do.</param>
    private static bool Covers(Bm25Index index, int document, IReadOnlyCollection<string> words, bool strict)
    {
        if (!strict)
        {
            return words.Any(w => index.Contains(document, w));
        }

        var rarest = words.Max(index.Idf);
        return words.Where(w => index.Idf(w) >= rarest - 1e-9).All(w => index.Contains(document, w));
    }

    /// <summary>
    /// The terms without a phrase's word ("changemind" of "I don't like it") the knowledge never uses: the phrase's
    /// plain word ("return") stays, so a store without a "changed your mind?" line is asked about returns as before.
    /// </summary>
    private static List<string> KnownPhrases(List<string> terms, KnowledgeIndex index) =>
        terms.Where(t => !TextAnalyzer.IsPhraseTerm(t) || index.PoliciesKnow(t) || index.ProductIndex.Knows(t)).ToList();

    /// <summary>The question's words without the store's name when the shopper wrote it whole ("who founded Glow Lab?").</summary>
    private static List<string> WithoutStoreName(List<string> terms, KnowledgeIndex index) =>
        index.StoreNameTerms.Count > 0 && index.StoreNameTerms.All(terms.Contains) ? terms.Except(index.StoreNameTerms).ToList() : terms;

    /// <summary>
    /// "Sleeping bag for cold mountain nights", "moisturiser for dry skin": a kind of product and what it is for, not
    /// phrased as a question, is a shopping request.
    /// </summary>
    /// <returns>The kinds asked for; none when the text is no such request.</returns>
    private static HashSet<string> NeedRequest(string lower, KnowledgeSnapshot knowledge)
    {
        var at = ForWord().Match(lower);
        return at.Success && !QuestionStart().IsMatch(lower)
            ? TextAnalyzer.Terms(lower[..at.Index]).Where(knowledge.Index.AllKinds.Contains).ToHashSet()
            : [];
    }

    private static readonly string StandardTerm = TextAnalyzer.Terms("standard")[0];

    /// <summary>The words of asking a price or a time ("how long", "cost", "free over"), not of an option or a place.</summary>
    private static readonly HashSet<string> PlainAskTerms = [.. TextAnalyzer.Terms("time long cost price free much")];

    private static readonly string LocationTerm = TextAnalyzer.Terms("location")[0];

    /// <summary>Why a return is asked ("they don't fit", "wrong size"), not what the returns policy must speak of.</summary>
    private static readonly HashSet<string> FitTerms = [.. TextAnalyzer.Terms("fit size")];

    private static readonly string AssembleTerm = TextAnalyzer.Terms("assemble")[0];

    private static readonly string PriceDropTerm = TextAnalyzer.Terms("pricedrop")[0];

    /// <summary>Terms are stemmed: "damage" is searched as the analyzer writes it.</summary>
    private static readonly string DamageTerm = TextAnalyzer.Stem("damage");

    // "Now it's cheaper, can I get the difference back?" is the price-adjustment policy, not a return: it is read first.
    private static string? PolicyCategory(IReadOnlyCollection<string> terms) =>
        terms.Contains(PriceDropTerm) ? AssistantTopics.Policy
        : terms.Contains("return") ? AssistantTopics.Returns
        : terms.Contains("warranty") ? AssistantTopics.Warranty
        // Arrived damaged ("my candle arrived broken"): what a store offers then (replacement, refund) is written with its returns.
        : terms.Contains(DamageTerm) && terms.Contains("ship") ? AssistantTopics.Returns
        // "Can your delivery team build the bed?" asks for the assembly service, not about delivery.
        : terms.Contains(AssembleTerm) && terms.Contains("ship") ? AssistantTopics.Policy
        // "I'm in Canada, will I be charged in CAD?" asks about the currency of payment, not about delivering there.
        : terms.Contains("currency") ? AssistantTopics.Payment
        // "Will I pay customs in France?" is about delivering there, not about paying.
        : terms.Any(TextAnalyzer.IsPlace) && terms.Any(t => t is "ship" or "tax" or "time" or "cost" or "international") ? AssistantTopics.Shipping
        : terms.Contains("pay") || terms.Contains("card") || terms.Contains("paypal") || terms.Contains("instalment") || terms.Contains("paylater") ? AssistantTopics.Payment
        : terms.Contains("ship") || terms.Contains("international") || terms.Contains("track") || terms.Contains("carrier") || terms.Contains("pickup") ? AssistantTopics.Shipping
        : terms.Contains("cancel") ? AssistantTopics.Policy
        : null;

    private static double TopicWeight(string policyTopic, string? category, bool damageAsked)
    {
        if (category is null)
        {
            return 1;
        }

        // "It came with a torn cover" is answered by a policy on damaged items, whatever else its title names.
        var topicTerms = TextAnalyzer.Terms(policyTopic);
        return PolicyCategory(topicTerms) == category || (damageAsked && topicTerms.Contains(DamageTerm)) ? 1.5 : 0.7;
    }

    private static string TopicOf(string? category, string source) =>
        category ?? PolicyCategory(TextAnalyzer.Terms(source)) ?? AssistantTopics.Policy;

    private static AssistantReply Unknown(KnowledgeSnapshot knowledge) => new(
        $"I'm sorry, I don't know — I can't find that in {knowledge.StoreName}'s information, and I'd rather not guess. " +
        "I can help with products, sizes and stock, shipping, returns, payment or an order's status.",
        AssistantTopics.Unknown, false, AssistantEngines.BuiltIn);

    // ---------------------------------------------------------------- helpers

    private static AssistantReply Reply(string text, string topic) => new(text, topic, true, AssistantEngines.BuiltIn);

    internal static string Money(decimal amount, string currency) => currency.ToUpperInvariant() switch
    {
        "USD" => "$" + amount.ToString("N2", CultureInfo.InvariantCulture),
        "CAD" => "CA$" + amount.ToString("N2", CultureInfo.InvariantCulture),
        "AUD" => "A$" + amount.ToString("N2", CultureInfo.InvariantCulture),
        "EUR" => "€" + amount.ToString("N2", CultureInfo.InvariantCulture),
        "GBP" => "£" + amount.ToString("N2", CultureInfo.InvariantCulture),
        _ => amount.ToString("N2", CultureInfo.InvariantCulture) + " " + currency.ToUpperInvariant(),
    };

    private static string Day(DateTimeOffset date) => date.UtcDateTime.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    private static string Label(string key)
    {
        var spaced = key.Replace('-', ' ').Replace('_', ' ').Trim();
        return spaced.Length == 0 ? key : char.ToUpperInvariant(spaced[0]) + spaced[1..];
    }

    private static string LinkOf(SnapshotProduct product) => product.Url is null ? string.Empty : $" More: {product.Url}";

    private static string FirstSentence(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOfAny(['.', '!', '?']);
        return end < 0 ? trimmed : trimmed[..(end + 1)];
    }

    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOfAny(['.', '!', '?'], max);
        return cut > max / 2 ? text[..(cut + 1)] : text[..max].TrimEnd() + "…";
    }

    private sealed record Question(string Text, IReadOnlyList<ChatTurn> Earlier);

    /// <summary>
    /// Chat spellings read as the words they stand for ("hw much r the ducks" is "how much are the ducks"), so every
    /// intent pattern sees the question as written in full. Only whole words change: order numbers and emails stay.
    /// </summary>
    private static string ChatSpelling(string text) =>
        ChatWord().Replace(text, m => ChatWords.TryGetValue(m.Value.ToLowerInvariant(), out var full) ? full : m.Value);

    private static readonly Dictionary<string, string> ChatWords = new()
    {
        ["hw"] = "how",
        ["r"] = "are",
        ["u"] = "you",
        ["ur"] = "your",
        ["wat"] = "what",
        ["wot"] = "what",
        ["wht"] = "what",
        ["wats"] = "whats",
        ["wots"] = "whats",
        ["hv"] = "have",
        ["cn"] = "can",
        ["abt"] = "about",
        ["plz"] = "please",
        ["pls"] = "please",
    };

    [GeneratedRegex(@"(?<![\w@.-])(hw|r|u|ur|wat|wot|wht|wats|wots|hv|cn|abt|plz|pls)(?![\w@-])", RegexOptions.IgnoreCase)]
    private static partial Regex ChatWord();

    [GeneratedRegex(@"\b(where\s+is\s+my|where'?s\s+my|my\s+(order|package|parcel|delivery|shipment|purchase)|order\s+(status|number|no\.?|#)|status\s+of\s+(my|the)\s+order|track\s+(my|the|an|a)\s+(order|package|parcel)|hasn'?t\s+arrived|not\s+arrived)", RegexOptions.IgnoreCase)]
    private static partial Regex OrderIntent();

    [GeneratedRegex(@"^\W*(how|can|could|may|do\s+you|is\s+it\s+possible|what\s+(is|are)\s+(the|your)|is\s+there|are\s+there)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProcessQuestion();

    [GeneratedRegex(@"\b(pick|collect|cancel|change|modify|edit|add|gift|wrap|return|exchange)\w*", RegexOptions.IgnoreCase)]
    private static partial Regex PickupOrChange();

    [GeneratedRegex(@"^\W*(are\s+(you|u)|r\s+u|is\s+this)\s+(a\s+|an\s+)?(bot|robot|human|real(\s+person)?|person|ai|machine|chatbot)\W*$|^\W*who\s+(are\s+you|am\s+i\s+(talking|speaking)\s+(to|with))\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex IdentityQuestion();

    [GeneratedRegex(@"\b(track\w*|carrier|courier|when|where|arriv\w*|deliver\w*|eta|status|ship\w*|dispatch\w*|sent|items?|what\s+was\s+in)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrderFollowUp();

    [GeneratedRegex(@"\bhow\s+(are|r)\s+(you|u|ya)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowAreYou();

    [GeneratedRegex(@"\bhow\s+(does|do|will)\b.*\bwork\b|\bexplain\b")]
    private static partial Regex HowItWorks();

    // "Has 20566 shipped yet?": a past event of shipping is only said of an order; "status of EM-10510" asks for one.
    [GeneratedRegex(@"\b(order|status|track|tracking|package|parcel|shipment|delivery|purchase|shipped|dispatched|delivered|arrived|posted)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrderWord();

    // An order number: "#1234", "NW-10023", "A12345", or a bare number of 4+ digits that is not a price or a measure.
    [GeneratedRegex(@"(?<![\w$€£@.-])#?(?<n>[A-Za-z]{1,5}-?\d{3,}[A-Za-z0-9-]*|#\d{3,}|\d{4,}(?![\d.,]*\s*(?:mm|cm|g|kg|ml|l|lb|lbs|oz|mah|w)\b))(?![\w@])", RegexOptions.IgnoreCase)]
    private static partial Regex OrderNumberPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b(in\s+stock|out\s+of\s+stock|stock|available|availability|sold\s+out|restock|back\s+in|have\s+(it|this|that|them|one)\s+in|come\s+in|comes\s+in|any\s+left|still\s+have|do\s+(you|u)\s+(have|got|carry))\b|^\s*((have\s+)?(you|u)\s+)?got\s+any\b")]
    private static partial Regex StockIntent();

    [GeneratedRegex(@"\b(size|sizes|sizing|fit|fits|fitting|run\s+(small|large|big|true)|runs\s+(small|large|big|true)|true\s+to\s+size|measurements?|what\s+size)\b")]
    private static partial Regex SizeIntent();

    [GeneratedRegex(@"\b(compatible|compatibility|work\s+with|works\s+with|fit\s+(my|on|onto|in|into|with)|fits\s+(my|on|onto|in|into|with)|use\s+(it\s+)?with|go\s+with|attach|stick\s+(to|on)|connect\s+(to|with)|pair\s+with|charge\s+my)\b")]
    private static partial Regex CompatibilityIntent();

    [GeneratedRegex(@"\b(recommend|recommendation|suggest|suggestion|looking\s+for|best|which\s+\w+\s+(should|would|is\s+best)|good\s+for|need\s+(a|an|some)|something|ideal|gifts?|presents?|ideas?|what'?s\s+good|what\s+would\s+you\s+(get|suggest|recommend)|(under|below|less\s+than)\s+(\$|€|£|a\$|ca\$)?\d+|budget|gift\s+for|what\s+do\s+you\s+have|(what|which)\s+(\w+\s+){1,2}do\s+(you|u)\s+(have|sell|stock|carry|do)|where\s+(do|should)\s+(i|we)\s+(start|begin)|new\s+to|what\s+(can|could|would|will|might)\s+help|what\s+helps|anything\s+(for|to\s+help))\b")]
    private static partial Regex RecommendationIntent();

    [GeneratedRegex(@"^\W*(do|does)\s+(you|u|ya|the\s+(shop|store))\s+(guys\s+)?(sell|carry|stock)\b")]
    private static partial Regex SellQuestion();

    [GeneratedRegex(@"\b(somebody|someone|anybody|anyone)\b|\b(can|could|would|will|do)\s+(you|your\s+(team|staff))\s+(\w+\s+){1,4}for\s+(me|us)\b|\bcome\s+(and\s+|to\s+)?(build|assemble|install|set|fit|put)\b")]
    private static partial Regex ServiceAsk();

    [GeneratedRegex(@"\b(colou?rs?|shades?)\b")]
    private static partial Regex ColourQuestion();

    /// <summary>A variant that is a size ("M", "EU 42", "28 cm"), not a colour.</summary>
    [GeneratedRegex(@"^(X{0,3}S|M|X{0,3}L|\dXL|XXL|XXS|one\s+size|standard|regular|small|medium|large|.*\d.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex SizeLike();

    [GeneratedRegex(@"^\s*(yes|no)\b[\s.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex BareYesNo();

    [GeneratedRegex(@"^\W*(what|whats|how|which|when|where)\b")]
    private static partial Regex WhQuestion();

    [GeneratedRegex(@"\bthe\s+(?<w>[a-z]+)\b")]
    private static partial Regex TheSubject();

    [GeneratedRegex(@"\bfor\b")]
    private static partial Regex ForWord();

    [GeneratedRegex(@"^\W*(what|whats|how|is|are|do|does|did|can|could|will|would|should|where|when|which|who|why|has|have|may|shall)\b")]
    private static partial Regex QuestionStart();

    [GeneratedRegex(@"\b(it|this|that|them|they|one|ones|same)\b")]
    private static partial Regex ReferenceWord();

    [GeneratedRegex(@"^\s*(and|also|what\s+about|how\s+about|and\s+the)\b")]
    private static partial Regex FollowUpStart();

    [GeneratedRegex(@"\b(difference|differences|differ|compare|compared|comparison|vs\.?|versus|better|cheaper|pricier|more\s+expensive|lighter|heavier|longer|shorter|bigger|smaller|warmer|which\s+(one|is|of))\b")]
    private static partial Regex ComparisonIntent();

    [GeneratedRegex(@"\w\s+or\s+(the\s+)?\w")]
    private static partial Regex OrBetween();

    [GeneratedRegex(@"\b(fit|fits|fitting|go\s+in|go\s+into|hold|take)\b")]
    private static partial Regex FitWord();

    [GeneratedRegex(@"\b(which|what)\s+(size|one)|\bsize\s+(should|do|would)|\bwhat\s+size\b")]
    private static partial Regex WhichSize();

    [GeneratedRegex(@"(under|below|less\s+than|max(imum)?|up\s+to|cheaper\s+than|within|budget\s+(of|is)?)\s*((a|ca|us|au|nz)?\$|€|£|usd|eur|cad|aud|gbp)?\s*(?<amount>\d[\d,]*(\.\d+)?)")]
    private static partial Regex MaxPricePattern();

    [GeneratedRegex(@"(over|above|more\s+than|at\s+least)\s*(\$|€|£|usd|eur)?\s*(?<amount>\d[\d,]*(\.\d+)?)")]
    private static partial Regex MinPricePattern();

    [GeneratedRegex(@"\b(compatib|works?[-_ ]?with|fits|fit[-_ ]?with)", RegexOptions.IgnoreCase)]
    private static partial Regex CompatibilityKey();

    [GeneratedRegex(@"\b(?:not|except|excluding|no)\s+(?:for\s+|with\s+)?(?<x>[^;)]+)", RegexOptions.IgnoreCase)]
    private static partial Regex NegatedPart();

    [GeneratedRegex(@"\b(suitable|for\s+use|fits|use\s+with)", RegexOptions.IgnoreCase)]
    private static partial Regex SuitableKey();

    [GeneratedRegex(@"^(fit|sizing|size[-_ ]?(guide|advice|note)|cut)$", RegexOptions.IgnoreCase)]
    private static partial Regex SizeKey();

    [GeneratedRegex(@"\b(runs?|running|fits?|fitting|comes?\s+up|size\s+up|sizes\s+up|too|a\s+bit|slightly)\s+(small|large|big|tight|loose)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FitPhrase();

    [GeneratedRegex(@"\bsiz(e|ing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SizeGuide();

    [GeneratedRegex(@"(\$|€|£|¥)\s?\d|\d\s?(usd|eur|gbp|cad|aud|dollars?|euros?|pounds?)\b|\bfree\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyAmount();

    [GeneratedRegex(@"\bhow\s+(long|fast|quick|soon)\b|\bhow\s+many\s+(days|weeks)\b|\bwhen\s+will\b")]
    private static partial Regex DurationQuestion();

    [GeneratedRegex(@"\d\s*(-|–|to)?\s*\d*\s*(business\s+|working\s+)?(days?|weeks?|hours?|months?|years?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"^\D*(?<n>\d+(?:[.,]\d+)?)\D*$")]
    private static partial Regex VariantNumber();

    // The subject is a product, not the store or the shopper: "do you have ..." asks for stock, "do I have to ..." a rule.
    [GeneratedRegex(@"^\s*(does|do|will|would)\s+(?!(you|u|ya|y'?all|we|i)\b)\S.*?\b(come\s+with|comes\s+with|include|includes|have|has)\s+(?!to\b)(?<extra>[^?.!]+)")]
    private static partial Regex IncludesQuestion();
}
