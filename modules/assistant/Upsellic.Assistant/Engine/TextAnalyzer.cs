using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Upsellic.Assistant.Engine;

/// <summary>
/// Turns text into search terms: lower case, words and numbers, stop words dropped, synonyms folded onto one
/// canonical word (parcel/package/delivery → ship) and a light suffix stemmer, so "shipping", "shipped" and "ships"
/// meet. The same analysis runs on the knowledge and on the question, which is all BM25 needs.
/// </summary>
internal static partial class TextAnalyzer
{
    private static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "for", "in", "on", "at", "by", "with", "from", "as", "into", "about",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "done", "have", "has", "had",
        "i", "me", "my", "mine", "we", "us", "our", "united", "u", "ur", "pls", "plz", "you", "your", "yours", "it", "its", "this", "that", "these", "those", "they",
        "them", "their", "he", "she", "his", "her", "what", "which", "who", "whom", "whose", "where", "how", "why",
        "can", "could", "would", "should", "will", "shall", "may", "might", "must", "there", "here", "any", "some", "all",
        "get", "got", "please", "tell", "know", "need", "want", "wanted", "like", "just", "also", "if", "so", "than", "then",
        "too", "very", "really", "one", "ones", "thing", "things", "im", "ive", "id", "dont", "doesnt", "s", "t", "re", "ll", "d",
        "hi", "hello", "hey", "thanks", "thank", "okay", "ok", "yes", "no", "not", "anything", "something", "lot", "lots",
        "let", "out", "up", "number", "numbers", "after", "before", "since", "ago", "over", "under", "below", "above", "less", "more", "most", "much", "many", "again", "still",
        "policy", "policies", "info", "information", "question", "help", "say", "said", "make", "made", "look", "looking",
        "find", "give", "offer", "offered", "sell", "sold", "buy", "bought", "purchase", "item", "items", "product", "products",
        "store", "shop", "go", "going", "take", "takes", "use", "used", "using", "good", "best", "great", "nice", "recommend",
        "suggest", "suggestion", "ideal", "perfect", "well", "work", "works", "example", "instance", "maybe", "currently",
        // Whoever would do it ("can somebody ...") is not what is asked.
        "somebody", "someone", "anybody", "anyone", "everybody", "everyone", "guys", "folks",
        // Contractions lose their apostrophe in Words(): "what's" is "whats".
        "whats", "wheres", "hows", "whos", "thats", "theres", "heres", "its", "cant", "wont", "isnt", "arent", "youre", "theyre",
        "lets", "didnt", "wasnt", "havent", "hasnt", "couldnt", "wouldnt", "shouldnt", "ill", "youll", "weve", "youve",
        // Chat spellings of "what": "wat is the basecamp 4" asks what the product is, "wat" is no detail to look up.
        "wat", "wot", "wats", "wht",
    }.ToFrozenSet();

    /// <summary>Each word on the left is read as the canonical word on the right before stemming.</summary>
    private static readonly FrozenDictionary<string, string> Synonyms = BuildSynonyms(new Dictionary<string, string[]>
    {
        ["ship"] = ["shipping", "shipped", "ships", "shipment", "shipments", "delivery", "deliveries", "deliver", "delivered", "delivering",
            "dispatch", "dispatched", "send", "sending", "sent", "mail", "mailed", "postage", "post", "posted", "parcel", "parcels", "package", "packages", "arrive", "arrives", "arrived", "arriving", "arrival",
            // "It came with a torn cover" is how it arrived.
            "came"],
        // Who carries the parcel: a question about "the courier" meets a policy that only names the carriers.
        ["carrier"] = ["carriers", "courier", "couriers", "dhl", "ups", "usps", "fedex", "dpd", "gls", "evri", "hermes", "sendle", "ctt", "purolator", "royalmail", "canadapost", "auspost"],
        ["tax"] = ["taxes", "vat", "gst", "hst", "pst", "duty", "duties", "customs", "import", "tariff", "tariffs"],
        ["instalment"] = ["instalments", "installment", "installments", "klarna", "afterpay", "clearpay", "zip", "affirm", "laybuy", "bnpl", "paylater",
            // "Can I pay monthly?" asks for the finance plan, however the store names it (0% APR, finance, instalments).
            "finance", "financing", "financed", "monthly", "apr"],
        // "Will I be charged in CAD?" asks which currency the prices are in, written as a code or a name.
        ["currency"] = ["currencies", "cad", "usd", "gbp", "eur", "aud", "nzd", "dollars", "dollar", "euros", "sterling"],
        ["pickup"] = ["collect", "collection", "collecting", "pickups"],
        ["contact"] = ["phone", "call", "telephone", "reach", "contacting", "helpline"],
        ["location"] = ["located", "based", "address", "situated", "locations", "visit", "physical", "showroom", "premises"],
        ["wear"] = ["wore", "worn", "wearing", "wears"],
        ["open"] = ["opening", "hours", "opened", "close", "closing"],
        ["damage"] = ["damaged", "broken", "broke", "cracked", "smashed", "shattered", "dented",
            // Marks on arrival are damage too: "arrived with a scratch" is what "arrives damaged" answers.
            "scratch", "scratched", "scratches", "scuff", "scuffed", "scuffs", "chipped", "torn", "ripped", "dent", "dents"],
        // British and American spellings and the photographers' acronym: "in-body stabilisation" is IBIS.
        ["stabilization"] = ["stabilisation", "stabilized", "stabilised", "stabilizer", "stabiliser", "stabilizers", "stabilisers", "ibis"],
        ["mp"] = ["megapixel", "megapixels", "mpx"],
        // Roman numerals in model names: "VideoMic GO II" is asked for as "go 2".
        ["2"] = ["ii"],
        ["3"] = ["iii"],
        ["4"] = ["iv"],
        ["handmade"] = ["handcrafted", "handmade", "artisan"],
        ["usa"] = ["america", "american", "states"],
        ["uk"] = ["britain", "british", "england", "scotland", "wales", "gb"],
        ["sofa"] = ["couch", "settee"],
        ["cosy"] = ["cozy", "snug", "comfy"],
        ["return"] = ["returns", "returned", "returning", "refund", "refunds", "refunded", "exchange", "exchanges", "exchanged", "exchanging"],
        ["pay"] = ["payment", "payments", "paying", "paid", "checkout"],
        ["warranty"] = ["warranties", "guarantee", "guarantees", "guaranteed", "defect", "defects", "defective", "faulty", "covered"],
        ["cost"] = ["costs", "price", "prices", "priced", "pricing", "fee", "fees", "charge", "charges", "charged", "expensive", "cheap", "cheaper"],
        ["time"] = ["long", "window", "deadline", "days", "day", "quickly", "quick", "fast", "soon", "when", "weeks", "week", "business", "working",
            "year", "years", "yr", "yrs", "month", "months"],
        ["international"] = ["abroad", "overseas", "worldwide", "internationally", "countries", "country", "outside", "foreign"],
        ["waterproof"] = ["rain", "rainy", "rainproof", "wet", "watertight"],
        ["warm"] = ["warmth", "warmer", "warmest", "insulated", "insulation", "insulating", "thermal", "cold", "freezing"],
        ["light"] = ["lightweight", "ultralight", "lighter", "lightest", "ul"],
        ["hike"] = ["hiking", "hikes", "hiker", "hikers", "trek", "trekking", "trail", "trails", "backpacking"],
        ["size"] = ["sizes", "sizing", "sized"],
        ["cancel"] = ["cancels", "cancellation", "cancellations", "canceled", "cancelled", "canceling", "cancelling"],
        ["track"] = ["tracking", "tracked", "trace"],
        ["stock"] = ["available", "availability", "instock", "restock", "restocked"],
        ["men"] = ["mens", "man", "male", "gentlemen"],
        ["women"] = ["womens", "woman", "female", "ladies", "lady"],
        ["kid"] = ["kids", "child", "children", "youth", "junior", "boys", "girls", "son", "daughter", "grandson", "granddaughter", "nephew", "niece"],
        // Damage the shopper caused ("dropped it", "jumping it off the stairs") is what warranties call misuse or accidents.
        ["accident"] = ["accidents", "accidental", "accidentally", "misuse", "misused", "dropped", "dropping", "jumping", "jumped", "fell", "crashed"],
        ["backpack"] = ["backpacks", "rucksack", "rucksacks", "daypack", "daypacks", "pack", "packs"],
        ["boot"] = ["boots"],
        ["shoe"] = ["shoes", "sneakers", "trainers", "footwear"],
        ["jacket"] = ["jackets", "coat", "coats", "parka", "parkas", "anorak", "shell"],
        ["compatible"] = ["compatibility", "compatable", "fits", "fit"],
        ["card"] = ["cards", "visa", "mastercard", "amex"],
        // Renting is hiring: "can I rent a tent?" is answered by "Can I hire a tent?".
        ["hire"] = ["hires", "hired", "hiring", "rent", "rents", "rental", "rentals", "renting", "lease", "borrow"],
        ["person"] = ["people", "persons", "berth"],
        // "I'm new to skincare, where do I start?" asks for a starter or beginner's product.
        ["starter"] = ["starters", "beginner", "beginners", "newbie", "novice", "start", "starting", "introductory"],
        // A loyalty scheme is asked for by what it gives: "points", "rewards", a "stamp card".
        ["loyalty"] = ["points", "reward", "rewards", "stamps"],
        // "Can I make a list for my baby shower?" asks for the registry, however the store names it (birth list, wishlist).
        ["registry"] = ["registries", "wishlist", "wishlists"],
        // "Can somebody come build it?" asks for assembly: a building set's "building" stays a kind word.
        ["assemble"] = ["assembly", "assembled", "assembling", "assembles", "build", "builds", "install", "installation"],
        ["gift"] = ["gifts", "present", "presents"],
        // Plurals the suffix stemmer cannot undo: "do you sell knives?" asks for a knife.
        ["knife"] = ["knives"],
        ["shelf"] = ["shelves"],
        ["scarf"] = ["scarves"],
        // Irregular forms the suffix stemmer cannot meet: "I flew it once" is what "activated and flown" speaks of.
        ["fly"] = ["flew", "flown", "flies", "flying"],
    });

    /// <summary>
    /// Phrases that mean one thing only together ("send it back" is a return, "pay later" an instalment plan), read as
    /// that one word before the words are split; "US" in capitals is the country, not the pronoun.
    /// </summary>
    private static readonly (System.Text.RegularExpressions.Regex Pattern, string Replacement)[] Phrases =
    [
        (new(@"\b(send|sending|ship|post|bring|take|give)\s+(it|them|this|that|something|stuff|items?|things?|\w+)?\s*back\b|\bmoney\s+back\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " return "),
        // "Wi-Fi", "wi fi" and "wifi" are one word, so a question meets the key or value however either spells it.
        (new(@"\bwi[\s-]fi\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), "wifi"),
        (new(@"\b(buy\s+now,?\s+)?pay\s+(later|over\s+time|in\s+\d+)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " paylater "),
        (new(@"\b(stopped|stop|stops|not|isnt|isn't|doesnt|doesn't)\s+(working|work|charging|charge)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " faulty "),
        (new(@"\b(made|done|sewn|stitched|crafted)\s+by\s+hand\b|\bhand[\s-]made\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " handmade "),
        (new(@"\bpick(ed|ing)?[\s-]?up\b|\bin\s+person\b|\bclick\s+(and|&)\s+collect\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " pickup "),
        // "Can I pick my order up?": the object between the verb and "up" is kept.
        (new(@"\bpick(ed|ing|s)?\s+((?:\w+\s+){1,3})up\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " pickup $2 "),
        // A shop the shopper can walk into: "where is your shop?", "do you have a store in Austin?", "a physical store"
        // all ask for the shop's location, though "shop" and "store" alone are too common to search for.
        (new(@"\bwhere(\s+(is|are|r|s)|'s|’s|s)\s+(ur|your|you|the|yr)\s+(shop|store|studio|showroom|boutique)s?\b|\b(have|got|is\s+there|are\s+there|own|run)\s+(a|an|any|your\s+own)\s+(shop|store|studio|showroom|boutique|outlet)s?\b|\b(physical|real|actual|retail|brick[\s-]and[\s-]mortar|bricks[\s-]and[\s-]mortar)\s+(shop|store)s?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " location "),
        // A street address in the knowledge ("5520 Cornwallis Street") is where the shop is, however the entry is worded.
        (new(@"\b\d{1,5}\s+([A-Z][a-z]+\s+){1,3}(Street|St|Avenue|Ave|Road|Rd|Terrace|Lane|Ln|Boulevard|Blvd|Drive|Dr|Place|Square|Parade|Highway|Hwy)\b\.?"), "$0 location "),
        // "Start baking bread": the activity is the need; a starter set is asked for only as "new to", "beginner".
        (new(@"\bstart(s|ed|ing)?\s+(to\s+)?(?=\w+ing\b)", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " "),
        (new(@"\bnew\s+to\b|\bwhere\s+(do|should|can|to)\s+(i|we|u|you)?\s*(start|begin)\b|\bfirst[\s-]timers?\b|\bgetting\s+started\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " starter "),
        // "Max rider weight", "weight limit", "max load": how much a product carries, not what it weighs.
        (new(@"\bmax(imum)?\.?\s+(\w+\s+)?(weight|load)\b|\bweight\s+(limit|capacity)\b|\bload\s+(limit|capacity)\b|\bhow\s+much\s+weight\b|\bweight\s+can\s+(it|they|\w+)\s+(hold|take|carry|support)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " maxload "),
        // "Now it's cheaper", "the price dropped", "we lower the price ... refund the difference": a price adjustment,
        // asked and written in many ways, is one word on both sides.
        (new(@"\bprices?\s+(adjustments?|protection)\b|\bprices?\b(\s+[\w'-]+){0,3}?\s+(has\s+|have\s+|was\s+|were\s+)?(drops?|dropped|went\s+down|gone\s+down|fell|lowered|reduced)\b|\blower(s|ed)?\s+(the|its|their|our|a)\s+prices?\b|\b(now|since|already)\b[^.?!]{0,25}?\b(cheaper|on\s+sale|reduced|discounted|marked\s+down)\b|\brefund\s+(you\s+)?the\s+difference\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " pricedrop "),
        // "Points card", "rewards scheme", "earn 1 point per euro": the loyalty scheme, not a payment card.
        (new(@"\b(points?|loyalty|rewards?|stamps?)\s+(cards?|schemes?|programs?|programmes?|system|club)\b|\b(earn|collect|get)\w*\s+(\d+\s+)?points?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " loyalty "),
        // "A list for my baby shower", "birth list", "wedding list": a gift registry.
        (new(@"\b(birth|baby|wedding|gift|wish)\s*lists?\b|\b(make|create|set\s+up|start|open|have)\s+(a|an|my|our)\s+(\w+\s+)?list\b|\bbaby\s+shower\b|\bbridal\s+shower\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " registry $0 "),
        (new(@"\bput\s+(it\s+|them\s+)?together\b|\bset\s+(it\s+|them\s+)?up\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " assemble "),
        // "Put the squat rack together": the thing between is kept, it may name the product.
        (new(@"\bput\s+((?:\w+\s+){1,3}?)together\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " $1 assemble "),
        // "Does it come built?", "arrives fully assembled": whether assembly is needed, not what "built in" means.
        (new(@"\b(come|comes|arrive|arrives|delivered)\s+(already\s+|fully\s+|ready\s+|pre[\s-]?)?(built|assembled|made\s+up)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " assemble "),
        // "How heavy a person can sit on it?" asks what it carries, not what it weighs.
        (new(@"\bhow\s+heavy\s+(of\s+)?(a\s+)?(person|people|someone|adult|adults|man|woman|sitter|rider)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " maxload "),
        // "Changed my mind": a return for no fault, the line stores head "Changed your mind?".
        (new(@"\bchange[sd]?\s+(my|your|our|their|his|her)\s+minds?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " changemind return "),
        // "Second hand", "pre-owned", "refurbished", "used gear": one word on both sides ("used" alone is too common).
        // "Second" and "hand" are not what is asked, so they go; "used cameras" keeps the thing that is used.
        (new(@"\bsecond[\s-]?hand\b|\bpre[\s-]?owned\b|\bpre[\s-]?loved\b|\brefurb(ished)?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " preowned "),
        (new(@"\bused\s+(gear|cameras?|lens(es)?|drones?|items?|products?|equipment|furniture|sofas?)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " preowned $0 "),
        // "Swap my old camera for credit", "part exchange": a trade-in however it is asked.
        (new(@"\btrade[\s-]?ins?\b|\bpart[\s-]?exchange\b|\b(swap|trade|exchange)\w*\b[^.?!]{0,40}?\bfor\s+(store\s+)?(credit|cash|money)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " tradein "),
        // "Little bits of the fabric", "swatches", "samples": the same service.
        (new(@"\b(little|small|tiny)\s+(bits?|pieces?|squares?|scraps?)\s+of\b|\bswatch(es)?\b|\bsamples?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " swatch "),
        // "See your sofas in real life": where they can be seen, the showroom.
        (new(@"\bin\s+real\s+life\b|\birl\b|\bin\s+the\s+flesh\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " location "),
        (new(@"\bnorthern\s+ireland\b|\bn\.?\s?ireland\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " northernireland "),
        // "Where are the boots made?", "made in Portugal", "country of origin": where a product comes from.
        (new(@"\bwhere\b[^?.!]{0,60}?\b(made|manufactured|produced|sourced)\b|\b(made|manufactured|produced)\s+in\b|\bcountry\s+of\s+origin\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), "$0 origin "),
        // "2 people", "two-person", "4-man": one word, so a capacity is matched as a whole.
        (new(@"\b(\d+|one|two|three|four|five|six|eight)[\s-]*(person|people|persons|man|berth)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " $1person "),
        // "I live on the Isle of Skye": where the shopper lives is the place, "live" and "isle of" are not asked.
        (new(@"\b(i|we)\s+(live|am|are|m|re)\s+(in|on|at)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " "),
        (new(@"\b(isle|island)\s+of\s+(\w+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " isleof$2 "),
        (new(@"\b(royal\s+mail|canada\s+post|australia\s+post)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " carrier "),
        (new(@"\b(usb|type)[\s-]?c\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " usbc "),
        (new(@"\b(usb)[\s-]?a\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " usba "),
        (new(@"\bunited\s+states\b|\bU\.?S\.?A?\b(?!\w)"), " usa "),
        (new(@"\bunited\s+kingdom\b|\bU\.?K\.?(?!\w)"), " uk "),
        // "NZ" is how shoppers write New Zealand (a whole word only).
        (new(@"\bnew\s+zealand\b|\bnz\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), " newzealand "),
    ];

    /// <summary>
    /// Countries and regions a shopper names that a store's policy may only cover by region: Germany is in the EU and
    /// Europe, Ontario in Canada. Any place a store does not name is at least "international" to it.
    /// </summary>
    private static readonly FrozenDictionary<string, string[]> Places = BuildPlaces(new Dictionary<string, string[]>
    {
        ["eu europe"] = ["germany", "france", "italy", "spain", "portugal", "netherlands", "holland", "belgium", "austria", "ireland",
            "poland", "sweden", "denmark", "finland", "greece", "czechia", "czech", "hungary", "romania", "croatia", "slovakia",
            "slovenia", "luxembourg", "estonia", "latvia", "lithuania", "bulgaria", "malta", "cyprus"],
        ["europe"] = ["switzerland", "norway", "iceland", "uk"],
        ["canada"] = ["ontario", "quebec", "alberta", "manitoba", "saskatchewan", "bc", "columbia", "nova", "scotia", "brunswick",
            "newfoundland", "toronto", "vancouver", "montreal", "calgary", "ottawa", "edmonton", "winnipeg"],
        ["usa"] = ["california", "texas", "florida", "york", "nyc", "washington", "oregon", "illinois", "ohio", "georgia", "arizona",
            "colorado", "michigan", "massachusetts", "hawaii", "alaska",
            "chicago", "boston", "seattle", "austin", "dallas", "houston", "denver", "atlanta", "miami", "philadelphia", "brooklyn"],
        ["australia"] = ["sydney", "melbourne", "brisbane", "perth", "adelaide", "queensland", "nsw", "victoria", "tasmania", "darwin",
            "hobart", "canberra", "cairns"],
        // Places within a country that delivery policies name by region ("Scottish Highlands and islands", "Channel
        // Islands", "Alaska and Hawaii"): each adds the regions it belongs to, the country last.
        ["island scottish highland uk"] = ["isleofskye", "skye", "isleofmull", "isleofarran", "arran", "isleofislay", "islay",
            "isleoflewis", "isleofharris", "hebrides", "orkney", "shetland", "isleofbute"],
        ["northernireland uk"] = ["belfast", "derry", "londonderry", "newry", "lisburn"],
        ["highland scottish uk"] = ["inverness", "aviemore", "ullapool", "thurso"],
        ["island uk"] = ["isleofwight", "isleofman", "jersey", "guernsey", "scilly", "isleofscilly", "anglesey"],
        ["uk"] = ["london", "manchester", "birmingham", "leeds", "liverpool", "bristol", "cardiff", "edinburgh", "glasgow",
            "newcastle", "sheffield", "nottingham", "brighton", "oxford"],
        ["ireland eu europe"] = ["dublin", "cork", "galway", "limerick"],
        ["germany eu europe"] = ["berlin", "munich", "hamburg", "frankfurt", "cologne"],
        ["france eu europe"] = ["paris", "lyon", "marseille", "bordeaux", "toulouse"],
        ["spain eu europe"] = ["madrid", "barcelona", "valencia", "seville"],
        ["italy eu europe"] = ["rome", "milan", "naples", "florence", "venice"],
        ["netherlands eu europe"] = ["amsterdam", "rotterdam"],
        ["newzealand"] = ["auckland", "wellington", "christchurch"],
    });

    /// <summary>
    /// The question's terms with places a store might name only by region added as that region: "ship to Germany?" also
    /// asks about "eu" and "europe", and about "international" when the knowledge (<paramref name="known"/>) does not
    /// name Germany itself.
    /// </summary>
    public static List<string> ExpandPlaces(IReadOnlyList<string> terms, Func<string, bool> known)
    {
        var expanded = new List<string>(terms.Count + 2);
        foreach (var term in terms)
        {
            if (known(term) || !IsPlace(term))
            {
                expanded.Add(term);
                continue;
            }

            var regions = Places.TryGetValue(term, out var found) ? found : [];

            expanded.AddRange(regions.Where(known));
            if (!regions.Any(known))
            {
                expanded.Add("international");
            }
        }

        return expanded.Distinct().ToList();
    }

    /// <summary>What a store's policy calls a kind of thing: "my cat scratched it" is what "damage from pets" covers.</summary>
    private static readonly FrozenDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["dog"] = "pet",
        ["cat"] = "pet",
        ["puppy"] = "pet",
        ["puppi"] = "pet",
        ["kitten"] = "pet",
    }.ToFrozenDictionary();

    /// <summary>The terms with the broader word a policy uses (<see cref="Kinds"/>) added where the knowledge (<paramref name="known"/>) has it.</summary>
    public static List<string> ExpandKinds(IReadOnlyList<string> terms, Func<string, bool> known) =>
        terms.Concat(terms.Where(Kinds.ContainsKey).Select(t => Kinds[t]).Where(known)).Distinct().ToList();

    /// <summary>Words only a phrase writes, for a meaning a store may or may not have a line for.</summary>
    private static readonly FrozenSet<string> PhraseTerms = new[] { "changemind", "preowned", "tradein", "swatch" }.ToFrozenSet();

    public static bool IsPhraseTerm(string term) => PhraseTerms.Contains(term);

    /// <summary>Whether the word names a country, region or city (a shipping destination).</summary>
    public static bool IsPlace(string term) => PlaceNames.Contains(term);

    // The regions a place adds are not places themselves: "island" or "highland" alone names no destination.
    private static readonly FrozenSet<string> PlaceNames = Places.Keys
        .Concat(["eu", "europe", "canada", "usa", "uk", "northernireland", "australia", "newzealand", "japan", "china", "india", "mexico", "brazil",
            "singapore", "korea", "africa", "asia"])
        .ToFrozenSet();

    public static List<string> Terms(string? text)
    {
        var terms = new List<string>();
        var cleaned = MarkupTag().Replace(text ?? string.Empty, " ");
        foreach (var (pattern, replacement) in Phrases)
        {
            cleaned = pattern.Replace(cleaned, replacement);
        }

        foreach (var word in Words(cleaned))
        {
            if (word.Length == 1 && !char.IsDigit(word[0]))
            {
                continue;
            }

            var folded = Synonyms.TryGetValue(word, out var canonical) ? canonical : word;
            if (StopWords.Contains(folded))
            {
                continue;
            }

            // A place is a name, not a word to stem: "France" must stay "france" to be found as a country. A canonical
            // word stays whole (the engine asks for "international" by name); any other long word is cut to its first
            // letters, so word families the suffix stemmer does not know still meet: "pregnant" and "pregnancy",
            // "sensitive" and "sensitivity", "moisturiser" and "moisturizer".
            terms.Add(IsPlace(folded) ? folded
                : Canonical.Contains(folded) ? Stem(folded)
                : Truncate(Stem(AmericanSpelling(folded))));
        }

        return terms;
    }

    /// <summary>Lower-case words and numbers; apostrophes are dropped so "men's" is "mens".</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var word = new StringBuilder();
        // Accents are dropped ("café" is "cafe"): shoppers often type without them, and a word must meet the store's
        // spelling either way.
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (c is '\'' or '’' && word.Length > 0)
            {
                continue;
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>How many letters of a long stem are kept: enough to tell words apart, few enough to join a family.</summary>
    private const int StemPrefix = 7;

    private static readonly FrozenSet<string> Canonical = Synonyms.Values.ToFrozenSet();

    private static string Truncate(string stem) => stem.Length > StemPrefix && !stem.Any(char.IsDigit) ? stem[..StemPrefix] : stem;

    /// <summary>
    /// British and American spellings meet: "moisturiser"/"moisturizer", "personalised"/"personalized",
    /// "colour"/"color". Only suffixes change, so no unrelated words are joined.
    /// </summary>
    private static string AmericanSpelling(string word)
    {
        if (word.Length < 6 || word.Any(char.IsDigit))
        {
            return word;
        }

        foreach (var suffix in IseSuffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 3)
            {
                return word[..^suffix.Length] + "iz" + suffix[2..];
            }
        }

        foreach (var suffix in OurSuffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 3)
            {
                return word[..^suffix.Length] + "or" + suffix[3..];
            }
        }

        return word;
    }

    private static readonly string[] IseSuffixes = ["isations", "isation", "isers", "iser", "ised", "ises", "ising", "ise"];

    private static readonly string[] OurSuffixes = ["ours", "oured", "ouring", "our"];

    /// <summary>A light English stemmer: enough to meet plural and verb forms, never so eager it merges unrelated words.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || word.Any(char.IsDigit))
        {
            return word;
        }

        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)
        {
            w = UndoubleConsonant(w[..^3]);
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)
        {
            w = UndoubleConsonant(w[..^2]);
        }

        if (w.EndsWith('e') && w.Length > 3)
        {
            w = w[..^1];
        }

        return w;
    }

    /// <summary>Markup a shopper typed is not part of the question: "&lt;script&gt;" is no word to search for.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("</?[A-Za-z][^<>]{0,200}>")]
    private static partial System.Text.RegularExpressions.Regex MarkupTag();

    private static string UndoubleConsonant(string w) =>
        w.Length > 2 && w[^1] == w[^2] && "bdgmnprt".Contains(w[^1]) ? w[..^1] : w;

    private static FrozenDictionary<string, string[]> BuildPlaces(Dictionary<string, string[]> regions) =>
        regions.SelectMany(r => r.Value.Select(place => (place, Regions: r.Key.Split(' '))))
            .GroupBy(p => p.place)
            .ToFrozenDictionary(g => g.Key, g => g.SelectMany(p => p.Regions).Distinct().ToArray());

    private static FrozenDictionary<string, string> BuildSynonyms(Dictionary<string, string[]> groups) =>
        groups.SelectMany(g => g.Value.Select(word => (word, g.Key))).ToFrozenDictionary(p => p.word, p => p.Key);
}

/// <summary>
/// Okapi BM25 over a fixed set of documents, with an idf-weighted coverage that says how much of a question a document
/// accounts for: the ranking picks the best document, the coverage decides whether it answers the question at all.
/// </summary>
internal sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly List<Dictionary<string, int>> _documents;
    private readonly int[] _lengths;
    private readonly double _averageLength;
    private readonly Dictionary<string, double> _idf;
    private readonly Dictionary<string, int> _documentFrequency;
    private readonly double _unseenIdf;

    public Bm25Index(IEnumerable<IReadOnlyList<string>> documents)
    {
        _documents = documents.Select(terms => terms.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count())).ToList();
        _lengths = _documents.Select(d => d.Values.Sum()).ToArray();
        _averageLength = _lengths.Length == 0 ? 1 : Math.Max(1, _lengths.Average());
        var n = _documents.Count;
        _documentFrequency = _documents.SelectMany(d => d.Keys).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        _idf = _documentFrequency.ToDictionary(p => p.Key, p => Math.Log(1 + ((n - p.Value + 0.5) / (p.Value + 0.5))));
        // A question word no document has weighs as much as a word only one document has: it is information the
        // knowledge may lack, but one unknown word (a country, a brand) must not sink an otherwise answered question.
        _unseenIdf = Math.Log(1 + ((n - 1 + 0.5) / 1.5));
    }

    public int Count => _documents.Count;

    public double Idf(string term) => _idf.TryGetValue(term, out var idf) ? idf : _unseenIdf;

    public bool Contains(int document, string term) => _documents[document].ContainsKey(term);

    /// <summary>How many documents have the term.</summary>
    public int DocumentFrequency(string term) => _documentFrequency.GetValueOrDefault(term);

    /// <summary>Whether any document has the term.</summary>
    public bool Knows(string term) => _idf.ContainsKey(term);

    /// <summary>Every term the documents hold.</summary>
    public IEnumerable<string> Terms => _idf.Keys;

    public double Score(int document, IReadOnlyCollection<string> queryTerms)
    {
        var terms = _documents[document];
        var score = 0.0;
        foreach (var term in queryTerms)
        {
            if (terms.TryGetValue(term, out var frequency))
            {
                var norm = frequency + (K1 * (1 - B + (B * _lengths[document] / _averageLength)));
                score += Idf(term) * frequency * (K1 + 1) / norm;
            }
        }

        return score;
    }

    /// <summary>The idf-weighted share of the question's terms the document contains (0 to 1).</summary>
    public double Coverage(int document, IReadOnlyCollection<string> queryTerms)
    {
        var total = queryTerms.Sum(Idf);
        return total <= 0 ? 0 : queryTerms.Where(t => Contains(document, t)).Sum(Idf) / total;
    }

    public IEnumerable<(int Document, double Score)> Rank(IReadOnlyCollection<string> queryTerms) =>
        Enumerable.Range(0, _documents.Count)
            .Select(i => (Document: i, Score: Score(i, queryTerms)))
            .Where(r => r.Score > 0)
            .OrderByDescending(r => r.Score);
}
