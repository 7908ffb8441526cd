using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Upsellic.Assistant.Engine;

/// <summary>
/// Questions about one property of a product ("is it waterproof?", "how heavy is it?"), comparisons of products and
/// measurements ("my foot is 26.5 cm"): answered from the attribute that holds the fact, never from the price alone.
/// </summary>
public sealed partial class BuiltInAssistantEngine
{
    /// <summary>
    /// How shoppers ask for a property, and the words attribute keys use for it: "how heavy" is asked of a "weight",
    /// "what is it made of" of a "material" or an "upper". A key is also found by the question's own words.
    /// </summary>
    private static readonly (Regex Cue, string[] Keys)[] AttributeConcepts =
    [
        (new(@"\b(heavy|heavier|weigh|weighs|weight|light(er|est)?|lightweight)\b"), ["weight", "load"]),
        // "Wood or plastic?" names materials as the alternatives: the material line says which it is.
        (new(@"\b(made\s+(of|from|out\s+of)|material|materials|fabric|what\s+is\s+it\s+made|upper|leather|cotton|wool|wood|wooden|plastic|metal|steel|glass|bamboo)\b"), ["material", "upper", "fabric", "wood", "composition", "lining", "shell"]),
        (new(@"\b(capacity|hold|holds|litres?|liters?|volume|how\s+many\s+ml|how\s+much\s+(does\s+it\s+)?(hold|fit))\b"), ["capacity", "volume"]),
        (new(@"\b(how\s+(big|large|small)|dimensions?|measurements?|size\s+of|how\s+much\s+space)\b"), ["dimension", "size", "diameter", "length", "height", "width", "capacity", "volume"]),
        (new(@"\bhow\s+long\s+(is|are)\b|\blength\b|\blong\b"), ["length"]),
        // Overall dimensions ("80 x 30 x 90 cm (W x D x H)") hold the height, width and depth when no key of its own does.
        (new(@"\b(how\s+(tall|high)|height|tall)\b"), ["height", "dimension"]),
        (new(@"\b(how\s+wide|width|wide)\b"), ["width", "dimension"]),
        (new(@"\b(how\s+deep|depth|deep)\b"), ["depth", "dimension"]),
        (new(@"\b(how\s+fast|speed|top\s+speed|mph|km/?h)\b"), ["speed"]),
        (new(@"\b(waterproof|water\s*proof|water[\s-]resistant|water|rain|wet|splash)\b"), ["waterproof", "water"]),
        (new(@"\b(battery|batteries|last|lasts|runtime|charge\s+time|playtime)\b"), ["battery", "runtime", "power"]),
        // "How many photos with one battery?" is the battery life in shots.
        (new(@"\bhow\s+many\s+(photos|pictures|shots|pics|images|flashes)\b"), ["battery", "shots"]),
        (new(@"\b(stabili[sz]\w*|ibis|shake|shaky)\b"), ["stabiliz", "stabilis"]),
        (new(@"\b(megapixels?|mp|resolution)\b"), ["sensor", "photo", "resolution"]),
        (new(@"\b(light\s*bulbs?|bulbs?|fitting)\b"), ["bulb", "fitting"]),
        // "Is it real wool?": the name says wool, the material says how much.
        (new(@"\b(real|genuine|pure|solid)\b"), ["material"]),
        // "How big is the bed when you pull it out?": the size it opens to.
        (new(@"\b(pull|pulled|fold|folded)\s+(it\s+)?out\b|\bwhen\s+(it'?s\s+)?(open|opened|unfolded|extended)\b"), ["bed size", "open", "extended"]),
        (new(@"\b(doors?|doorways?|hallways?|stairs|stairways?|get\s+(it\s+)?through|fit\s+through)\b"), ["doorway", "door"]),
        (new(@"\blaptops?\b"), ["laptop"]),
        (new(@"\b(smell|smells|scent|scented|fragrance|aroma|notes)\b"), ["scent", "fragrance", "notes"]),
        (new(@"\b(ingredients?|what'?s\s+in|contain|contains)\b"), ["ingredient", "contents"]),
        (new(@"\b(plane|flight|fly|flying|airline|airplane|cabin|carry[\s-]on|hand\s+luggage)\b"), ["airline", "flight", "cabin", "travel"]),
        (new(@"\b(wash|washing|washable|clean|cleaning|laundry)\b"), ["washable", "care", "wash", "cover"]),
        (new(@"\bdishwasher\b"), ["dishwasher"]),
        (new(@"\bmicrowave\b"), ["microwave"]),
        // "Temp range?" is the temperature, in the chat short form.
        (new(@"\b(oven|temperature|temp|temps|heat|degrees|hot|hotter|how\s+hot)\b"), ["oven", "temperature"]),
        (new(@"\b(ports?|plugs?|sockets?|connectors?|connections?)\b"), ["port", "plug", "connector"]),
        (new(@"\b(noise|anc|quiet|loud)\b"), ["noise"]),
        (new(@"\b(power|watts?|output|fast\s+charg\w*)\b"), ["output", "power"]),
        (new(@"\b(colou?rs?)\b"), ["colour", "color"]),
        (new(@"\b(warm|warmth|insulat\w*|cold)\b"), ["insulation", "warmth", "temperature", "fill"]),
        (new(@"\b(burn|burns|burning)\b"), ["burn"]),
        (new(@"\b(heel)\b"), ["heel"]),
        (new(@"\b(sole|grip)\b"), ["sole", "outsole"]),
        (new(@"\b(skin|oily|dry|sensitive)\b"), ["skin"]),
        (new(@"\b(vegan|animal)\b"), ["vegan"]),
        (new(@"\b(age|old|puppy|puppies|kitten|adult|senior)\b"), ["age", "life stage"]),
        (new(@"\b(assembl\w*|put\s+together|set\s*up)\b"), ["assembly"]),
        // A book's or a record's maker is asked as a person: "who wrote it?" is the author, "who drew it?" the illustrator.
        (new(@"\b(who\s+(wrote|writes|is\s+it\s+by|is\s+the\s+author)|author|writer|written\s+by|wrote)\b"), ["author", "writer"]),
        (new(@"\b(who\s+(drew|illustrated)|illustrat\w*|pictures\s+by)\b"), ["illustrator"]),
        (new(@"\b(thick|thickness|thin|thinner|thicker)\b"), ["thickness"]),
        // "Anything I could be allergic to?", "does it have nuts?": the allergen line answers, whatever the product is.
        (new(@"\b(allerg\w*|intoleran\w*|nuts?|peanuts?|dairy|lactose)\b"), ["allergen"]),
        // Writing through a page is a property of the paper: "does ink bleed through?", "ok with a fountain pen?".
        (new(@"\b(bleed\w*|ghost\w*|show\s+through|fountain\s+pens?|ink)\b"), ["paper"]),
        // "When is it coming out?", "release date?": a date of publication or release.
        (new(@"\b(com(e|es|ing)\s+out|release[ds]?|release\s+date|publish\w*|launch\w*|out\s+yet)\b"), ["publication", "published", "release", "launch"]),
        (new(@"\b(heaviest|lightest|goes\s+up\s+to|up\s+to\s+how)\b"), ["range", "weight"]),
    ];

    /// <summary>
    /// Properties asked in words that would also cue a broader one: "max rider weight" is not the weight, "how long does
    /// the battery last" is a run time, not the battery. Their words are taken out before the other cues are read.
    /// </summary>
    private static readonly (Regex Cue, string[] Keys)[] SpecificConcepts =
    [
        (new(@"\bmaxload\b|\bhow\s+heavy\s+(of\s+)?(a\s+)?(person|people|someone|adult|adults|man|woman|sitter|rider)\b|\bmax(imum)?\.?\s+(\w+\s+)?(weight|load)\b|\bweight\s+(limit|capacity)\b|\bload\s+(limit|capacity)\b|\bhow\s+much\s+weight\b"),
            ["load", "weight limit", "weight capacity"]),
        (new(@"\bhow\s+long\b[^?]*?\b(last|lasts|run|runs|burn|burns|stay\s+on)\b|\bbattery\s+life\b|\brun\s*time\b|\bburn\s+time\b"),
            ["battery life", "run time", "runtime", "burn time", "playtime", "wear time", "life", "battery"]),
    ];

    /// <summary>
    /// Properties a value shows by its unit whatever its key is called: "how fast?" is a speed in km/h or mph, "how
    /// hot?" a temperature in degrees.
    /// </summary>
    private static readonly (Regex Cue, Regex Value)[] UnitConcepts =
    [
        (new(@"\b(how\s+fast|speed|quick|mph|km/?h)\b"), new(@"\d\s*(km/h|kmh|kph|mph|m/s)\b", RegexOptions.IgnoreCase)),
        (new(@"\b(how\s+hot|hot|hotter|temperature|degrees)\b"), new(@"\d\s*°\s*[CF]\b|\d\s*degrees\b", RegexOptions.IgnoreCase)),
    ];

    private static readonly string MaxLoadTerm = TextAnalyzer.Terms("max load")[0];

    /// <summary>"free" as the analyzer writes it.</summary>
    private static readonly string FreeTerm = TextAnalyzer.Terms("free")[0];

    /// <summary>The attribute answer for one product, or null when no attribute of it holds what was asked.</summary>
    private static AssistantReply? AttributeAnswer(string text, int productIndex, KnowledgeSnapshot knowledge, IReadOnlyCollection<string> contentTerms)
    {
        var product = knowledge.Products[productIndex];
        var lower = WithoutName(text.ToLowerInvariant(), product);
        // "Is it mineral or chemical?": the alternatives are what is asked, even a word of the product's own name.
        var options = OrOptions().Matches(text.ToLowerInvariant())
            .SelectMany(m => TextAnalyzer.Terms(m.Groups["a"].Value + " " + m.Groups["b"].Value)).ToHashSet();
        var best = BestAttributes(lower, product, contentTerms, options);
        if (best.Count == 0)
        {
            return null;
        }

        var (key, value) = best[0];
        // "Is the furniture glued on or loose?": an attribute that holds neither alternative does not say which.
        // But alternatives that name a property's kind ("wood or plastic?" of "material: solid beech") are answered by
        // that property, whichever it holds.
        if (options.Count > 0 && !options.Any(TextAnalyzer.Terms(value).Contains) && !options.Any(TextAnalyzer.Terms(key).Contains)
            && !OptionsCueKey(text.ToLowerInvariant(), key))
        {
            return null;
        }

        var name = $"the {product.Name} ({Money(product.Price, knowledge.Currency)})";
        var yesNo = YesNoQuestion().IsMatch(lower);
        var cleaned = LeadingYesNo().Replace(value, string.Empty).Trim();
        string sentence;
        if (yesNo && ShopperMeasure(text) is { } measure && RangeHolds(value, measure) is { } holds)
        {
            // "Is the heater OK for a 150 litre tank?" of "suitable for: tanks 60 to 120 L": the number decides.
            var shown = ShopperMeasureText(text);
            sentence = holds
                ? $"Yes — for {name}, {Label(key).ToLowerInvariant()}: {value}, and {shown} is within that."
                : $"No — for {name}, {Label(key).ToLowerInvariant()}: {value}, so {shown} is outside that.";
        }
        else if (yesNo && ShopperMeasure(text) is { } given && LimitHolds(key, value, given) is { } within)
        {
            // "I'm 130 kg, can I use the treadmill?" of "max user weight: 120 kg": the limit decides.
            var shown = ShopperMeasureText(text);
            sentence = within
                ? $"Yes — for {name}, {Label(key).ToLowerInvariant()}: {value}, and {shown} is within that."
                : $"No — for {name}, {Label(key).ToLowerInvariant()}: {value}, so {shown} is over that limit.";
        }
        else if (yesNo && (Negative(value) || NegativeKey().IsMatch(key)))
        {
            sentence = $"No — for {name}, {Label(key).ToLowerInvariant()}: {value}.";
        }
        else if (yesNo && Affirmative(value))
        {
            sentence = cleaned.Length == 0
                ? $"Yes — {name} is {Label(key).ToLowerInvariant()}."
                : $"Yes — {name}: {Label(key).ToLowerInvariant()} ({cleaned}).";
        }
        else if (yesNo && CopulaQuestion().IsMatch(lower) && !Qualified(value) && AskedAdjective(lower, key) is { } adjective)
        {
            // "Is it waterproof?" of a "waterproof rating: 20,000 mm": the rating is the yes, and the evidence.
            var evidence = string.Equals(key.Trim(), adjective, StringComparison.OrdinalIgnoreCase) ? value : $"{Label(key).ToLowerInvariant()}: {value}";
            sentence = $"Yes — {name} is {adjective} ({evidence}).";
        }
        else if (DimensionAxis(lower, value) is { } axis)
        {
            // "How tall is it?" of "80 x 30 x 90 cm (W x D x H)": the height is the H, quoted with the whole.
            sentence = $"{Capital(name)} — {axis}; {Label(key).ToLowerInvariant()}: {value}.";
        }
        else
        {
            sentence = $"{Capital(name)} — {Label(key).ToLowerInvariant()}: {value}.";
        }

        var text2 = new StringBuilder(Capital(sentence));
        foreach (var (otherKey, otherValue) in best.Skip(1).Take(2))
        {
            text2.Append(' ').Append(Label(otherKey)).Append(": ").Append(otherValue).Append('.');
        }

        return Reply(text2.Append(LinkOf(product)).ToString(), AssistantTopics.Product);
    }

    /// <summary>The product's attributes that answer the question, best first: a key named by a cue or by the question's words.</summary>
    private static List<KeyValuePair<string, string>> BestAttributes(string lower, SnapshotProduct product, IReadOnlyCollection<string> contentTerms,
        IReadOnlySet<string>? options = null)
    {
        var cueKeys = new List<string>();
        var cueText = lower;
        foreach (var (cue, keys) in SpecificConcepts)
        {
            if (cue.IsMatch(cueText))
            {
                cueKeys.AddRange(keys);
                cueText = cue.Replace(cueText, " ");
            }
        }

        cueKeys.AddRange(AttributeConcepts.Where(c => c.Cue.IsMatch(cueText)).SelectMany(c => c.Keys));
        var wantsDuration = DurationQuestion().IsMatch(lower);
        var measure = ShopperMeasure(lower);
        var values = product.Attributes.Where(a => !IsKindOrGender(a.Key)).Select(a => TextAnalyzer.Terms(a.Value).ToHashSet()).ToList();
        // A word asked that only one attribute's value has ("sensitive" in "not suitable for: sensitive skin") tells
        // that attribute apart from the ones every question about skin finds.
        var distinctive = contentTerms.Where(t => values.Count(v => v.Contains(t)) == 1).ToHashSet();
        var scored = new List<(KeyValuePair<string, string> Attribute, double Score)>();
        foreach (var attribute in product.Attributes)
        {
            if (IsKindOrGender(attribute.Key))
            {
                continue;
            }

            var key = attribute.Key.ToLowerInvariant();
            var keyTerms = TextAnalyzer.Terms(attribute.Key);
            // "How much does the cat tree weigh?" is not answered by its "max cat weight": what it carries is asked
            // only in those words.
            var limit = measure is { } shopper ? LimitHolds(attribute.Key, attribute.Value, shopper) : null;
            if (keyTerms.Contains(MaxLoadTerm) && !contentTerms.Contains(MaxLoadTerm) && limit is null)
            {
                continue;
            }

            var valueTerms = TextAnalyzer.Terms(attribute.Value);
            var score = 0.0;
            if (cueKeys.Any(k => key.Contains(k, StringComparison.Ordinal)))
            {
                // The first cue keys are the most specific ("weight" before "size"): they score a little higher.
                score += 3 - (0.1 * Math.Min(5, cueKeys.FindIndex(k => key.Contains(k, StringComparison.Ordinal))));
            }

            // "Cruelty free" is not asked of a "fragrance-free": the shared "free" counts only for the same compound.
            var otherFree = FreeCompound().Match(key) is { Success: true } compound && FreeCompound().IsMatch(lower)
                && !lower.Contains(compound.Groups["x"].Value, StringComparison.Ordinal);
            score += 2 * keyTerms.Count(t => contentTerms.Contains(t) && !(otherFree && t == FreeTerm));
            score += valueTerms.Distinct().Where(contentTerms.Contains).Sum(t => distinctive.Contains(t) ? 1 : 0.5);
            // A stated exclusion that names what was asked ("not suitable for: sensitive skin") is the direct answer
            // to "can I use it on sensitive skin?", before the list of skin types it is for.
            if (NegativeKey().IsMatch(attribute.Key) && valueTerms.Any(distinctive.Contains))
            {
                score += 4.5;
            }

            if (options is { Count: > 0 } && valueTerms.Any(options.Contains))
            {
                score += 3;
            }

            if (UnitConcepts.Any(c => c.Cue.IsMatch(cueText) && c.Value.IsMatch(attribute.Value)))
            {
                score += 2.5;
            }

            // "OK for a 100 litre tank?": the attribute whose range the shopper's measurement can be held against.
            if ((measure is { } given && RangeHolds(attribute.Value, given) is not null) || limit is not null)
            {
                score += 3;
            }

            // "How long does it last?" is answered by a duration.
            if (wantsDuration && score > 0 && Duration().IsMatch(attribute.Value))
            {
                score += 1.5;
            }
            if (score > 0.4)
            {
                scored.Add((attribute, score));
            }
        }

        if (scored.Count == 0)
        {
            return [];
        }

        var top = scored.Max(s => s.Score);
        return scored.Where(s => s.Score >= top * 0.99 || (s.Score >= 2 && s.Score >= top * 0.75)).OrderByDescending(s => s.Score)
            .Select(s => s.Attribute).ToList();
    }

    /// <summary>
    /// The one measure asked of dimensions that say which is which ("80 x 30 x 90 cm (W x D x H)"): "height: 90 cm" for
    /// "how tall?"; null when the value has no such legend or another measure is asked.
    /// </summary>
    private static string? DimensionAxis(string lower, string value)
    {
        var letter = AxisQuestion().Match(lower) is { Success: true } asked
            ? asked.Groups["h"].Success ? 'H' : asked.Groups["w"].Success ? 'W' : asked.Groups["d"].Success ? 'D' : 'L'
            : (char?)null;
        var dimensions = DimensionLegend().Match(value);
        if (letter is null || !dimensions.Success || LegendNumber(dimensions, letter.Value) is not { } number)
        {
            return null;
        }

        var axis = letter switch { 'H' => "height", 'W' => "width", 'D' => "depth", _ => "length" };
        return $"{axis}: {number} {dimensions.Groups["u"].Value}".TrimEnd();
    }

    /// <summary>The number a "80 x 30 x 90 cm (W x D x H)" legend gives for one axis letter, or null.</summary>
    private static string? LegendNumber(Match legend, char letter)
    {
        var numbers = DimensionSplit().Split(legend.Groups["n"].Value).Select(n => n.Trim()).ToList();
        var letters = DimensionSplit().Split(legend.Groups["l"].Value).Select(l => l.Trim().ToUpperInvariant()).ToList();
        var at = letters.IndexOf(letter.ToString());
        return numbers.Count == letters.Count && at >= 0 ? numbers[at] : null;
    }

    /// <summary>
    /// The question without the product's own name: "is the wool throw itchy?" asks nothing about the material, even
    /// though "wool" is a material word.
    /// </summary>
    private static string WithoutName(string lower, SnapshotProduct product)
    {
        foreach (var word in TextAnalyzer.Words(product.Name).Where(w => w.Length >= 3))
        {
            lower = Regex.Replace(lower, $@"\b{Regex.Escape(word)}\b", " ");
        }

        return lower;
    }

    /// <summary>
    /// "What size mattress for the cot bed?": when the variants are colours, not sizes, the size the product's
    /// attributes give for the thing named ("mattress size: 140 x 70 cm") is the answer, not the colour list. A
    /// misspelt name ("matress") still finds its key; null unless exactly one size attribute is named.
    /// </summary>
    private static AssistantReply? SizeAttributeAnswer(string lower, SnapshotProduct product, KnowledgeSnapshot knowledge)
    {
        if (product.Variants.Count > 1 && product.Variants.Any(v => SizeLike().IsMatch(v.Name.Trim())))
        {
            return null;
        }

        var asked = TextAnalyzer.Words(lower).Where(w => w.Length >= 4 && !TextAnalyzer.IsStopWord(w) && w is not "size" and not "sizes").ToList();
        var sized = product.Attributes.Where(a => TextAnalyzer.Words(a.Key).Contains("size")).ToList();
        var named = sized.Where(a => TextAnalyzer.Words(a.Key).Any(k => k != "size" && asked.Any(w => w == k || (w.Length >= 5 && WithinOneEdit(w, k)))))
            .ToList();
        // Only a size named by its thing: "will it fit my camera?" is no question about the lens's filter size.
        if (named.Count != 1)
        {
            return null;
        }

        var attribute = named[0];

        return Reply($"The {product.Name} ({Money(product.Price, knowledge.Currency)}) — {Label(attribute.Key).ToLowerInvariant()}: {attribute.Value}." + LinkOf(product),
            AssistantTopics.Sizing);
    }

    /// <summary>Whether the "a or b" alternatives asked are words for the property <paramref name="key"/> holds.</summary>
    private static bool OptionsCueKey(string lower, string key)
    {
        var asked = string.Join(' ', OrOptions().Matches(lower).Select(m => m.Groups["a"].Value + " " + m.Groups["b"].Value));
        var keyLower = key.ToLowerInvariant();
        return asked.Length > 0 && AttributeConcepts.Where(c => c.Cue.IsMatch(asked)).SelectMany(c => c.Keys)
            .Any(k => keyLower.Contains(k, StringComparison.Ordinal));
    }

    private static bool Negative(string value) => NegativeValue().IsMatch(value);

    private static bool Affirmative(string value) => AffirmativeValue().IsMatch(value);

    /// <summary>A value that limits itself ("water-repellent, not fully waterproof"): no plain yes can be read from it.</summary>
    private static bool Qualified(string value) => QualifiedValue().IsMatch(value);

    /// <summary>The adjective the shopper asked about when the key itself is that adjective ("waterproof rating").</summary>
    private static string? AskedAdjective(string lower, string key)
    {
        var keyWords = TextAnalyzer.Words(key).ToList();
        return TextAnalyzer.Words(lower).Where(w => w.Length > 3 && keyWords.Contains(w) && !TextAnalyzer.IsStopWord(w)).FirstOrDefault();
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // ---------------------------------------------------------------- comparisons

    /// <summary>Two or more products side by side: the asked property (or price and shared attributes) of each.</summary>
    private static AssistantReply Comparison(string text, IReadOnlyList<int> products, KnowledgeSnapshot knowledge, IReadOnlyCollection<string> contentTerms)
    {
        var lower = text.ToLowerInvariant();
        // One product per thing named: "the Summit Shell Jacket" also names its women's version, which adds nothing.
        var sequence = TextAnalyzer.Terms(text).ToHashSet();
        var chosen = new List<int>();
        var explained = new HashSet<string>();
        foreach (var candidate in products)
        {
            var matched = knowledge.Index.ProductNameTerms[candidate].Where(sequence.Contains).ToList();
            if (matched.Count > 0 && matched.All(explained.Contains))
            {
                continue;
            }

            chosen.Add(candidate);
            explained.UnionWith(matched);
        }

        var compared = chosen.Take(3).Select(i => knowledge.Products[i]).ToList();
        var lines = new List<string>();
        var asksPrice = PriceWords().IsMatch(lower);
        foreach (var product in compared)
        {
            var asked = BestAttributes(compared.Aggregate(lower, (t, p) => WithoutName(t, p)), product, contentTerms).Take(2).ToList();
            if (asked.Count == 0 && !asksPrice)
            {
                // No property named ("what's the difference?"): the attributes the products share tell them apart.
                var shared = product.Attributes.Where(a => !IsKindOrGender(a.Key)
                    && compared.Where(o => o != product).All(o => o.Attributes.ContainsKey(a.Key))).Take(3).ToList();
                asked = shared.Count > 0 ? shared : product.Attributes.Where(a => !IsKindOrGender(a.Key)).Take(2).ToList();
            }

            var facts = asked.Select(a => $"{Label(a.Key).ToLowerInvariant()} {a.Value}");
            lines.Add($"the {product.Name} costs {Money(product.Price, knowledge.Currency)}" + (asked.Count > 0 ? ", " + string.Join(", ", facts) : string.Empty));
        }

        var answer = Capital(string.Join("; ", lines)) + ".";
        if (asksPrice && CheaperWords().IsMatch(lower) && compared.Select(p => p.Price).Distinct().Count() > 1)
        {
            var cheapest = compared.MinBy(p => p.Price)!;
            answer = $"The {cheapest.Name} is the cheaper one. " + answer;
        }

        return Reply(answer, AssistantTopics.Product);
    }

    // ---------------------------------------------------------------- measurements

    /// <summary>A measurement the shopper gave ("26.5 cm", "17 inch", "30kg", "250 litre") in a base unit per dimension.</summary>
    private readonly record struct Measure(double Value, string Dimension);

    private static Measure? ShopperMeasure(string text)
    {
        var match = MeasurePattern().Match(text.ToLowerInvariant());
        return match.Success ? ToMeasure(match.Groups["n"].Value, match.Groups["u"].Value) : null;
    }

    private static Measure? ToMeasure(string number, string unit)
    {
        if (!double.TryParse(number.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return unit.ToLowerInvariant().Trim() switch
        {
            "mm" => new Measure(value / 10, "length"),
            "cm" => new Measure(value, "length"),
            "m" => new Measure(value * 100, "length"),
            "in" or "inch" or "inches" or "\"" or "″" => new Measure(value * 2.54, "length"),
            "g" => new Measure(value / 1000, "mass"),
            "kg" or "kgs" or "kilo" or "kilos" => new Measure(value, "mass"),
            "lb" or "lbs" or "pounds" => new Measure(value * 0.4536, "mass"),
            "ml" => new Measure(value / 1000, "volume"),
            "l" or "litre" or "litres" or "liter" or "liters" => new Measure(value, "volume"),
            _ => null,
        };
    }

    /// <summary>One entry of a size chart or range: its label ("M", "EU 41") and the span it covers.</summary>
    private sealed record ChartEntry(string Label, double Low, double High, string Text);

    /// <summary>
    /// The entries of a chart written as text: "XS 35-45 cm, S 45-60 cm", "EU 38 = 24.5 cm, EU 39 = 25 cm",
    /// "M 70 x 55 cm (dogs up to 20 kg)", "laptops 10 to 16 inches". Entries measure the shopper's dimension only.
    /// </summary>
    private static List<ChartEntry> ChartEntries(string chart, string dimension)
    {
        var entries = new List<ChartEntry>();
        foreach (var raw in ChartSeparator().Split(chart))
        {
            var segment = raw.Trim();
            var range = RangePattern().Matches(segment).Select(m => (m, Low: ToMeasure(m.Groups["a"].Value, m.Groups["u"].Value), High: ToMeasure(m.Groups["b"].Value, m.Groups["u"].Value)))
                .FirstOrDefault(r => r.Low?.Dimension == dimension);
            double low, high;
            int at;
            if (range.m is not null)
            {
                (low, high, at) = (range.Low!.Value.Value, range.High!.Value.Value, range.m.Index);
            }
            else if (UpToPattern().Matches(segment).Select(m => (m, M: ToMeasure(m.Groups["n"].Value, m.Groups["u"].Value))).FirstOrDefault(u => u.M?.Dimension == dimension) is { m: not null } upTo)
            {
                (low, high, at) = (0, upTo.M!.Value.Value, upTo.m.Index);
            }
            else if (MeasurePattern().Matches(segment.ToLowerInvariant()).Select(m => (m, M: ToMeasure(m.Groups["n"].Value, m.Groups["u"].Value))).FirstOrDefault(u => u.M?.Dimension == dimension) is { m: not null } point)
            {
                (low, high, at) = (point.M!.Value.Value, point.M!.Value.Value, point.m.Index);
            }
            else
            {
                continue;
            }

            entries.Add(new ChartEntry(ChartLabel(segment, at), low, high, segment));
        }

        return entries;
    }

    /// <summary>The size an entry names: "EU 41" of "EU 41 = 26.5 cm", "M" of "M 60-75 cm", the measure itself otherwise.</summary>
    private static string ChartLabel(string segment, int measureAt)
    {
        var head = segment[..measureAt];
        var equals = head.LastIndexOfAny(['=', ':']);
        if (equals >= 0 && head[(equals + 1)..].Trim().Length == 0)
        {
            head = head[..equals];
        }

        head = head[(head.LastIndexOf(':') + 1)..].Trim();
        var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return segment.Trim();
        }

        var size = words.FirstOrDefault(w => SizeCode().IsMatch(w));
        if (size is not null)
        {
            return size;
        }

        return words.Length >= 2 && words[^1].All(char.IsDigit) ? words[^2] + " " + words[^1] : words[^1];
    }

    /// <summary>The chart entry for a measurement: the one whose range holds it, else the smallest that is larger.</summary>
    private static ChartEntry? EntryFor(List<ChartEntry> entries, Measure measure)
    {
        var holding = entries.Where(e => measure.Value >= e.Low - 1e-9 && measure.Value <= e.High + 1e-9).ToList();
        if (holding.Count > 0)
        {
            // Of overlapping ranges ("up to 35 kg", "up to 50 kg"), the smallest size that holds the measurement.
            return holding.MinBy(e => e.High);
        }

        return entries.Where(e => e.Low == e.High && e.Low > measure.Value).MinBy(e => e.Low);
    }

    /// <summary>A size for a measurement, from the product's own chart or the store's size guide.</summary>
    private static AssistantReply? MeasurementSizing(string text, int? productIndex, KnowledgeSnapshot knowledge)
    {
        if (ShopperMeasure(text) is not { } measure)
        {
            return null;
        }

        var product = productIndex is { } p ? knowledge.Products[p] : null;
        var charts = new List<(string Source, string Chart)>();
        if (product is not null)
        {
            charts.AddRange(product.Attributes.Where(a => !CompatibilityKey().IsMatch(a.Key)).Select(a => (a.Key, a.Value)));
        }

        charts.AddRange(knowledge.Faq.Where(f => SizeGuide().IsMatch(f.Question) || SizeGuide().IsMatch(f.Answer)).Select(f => (f.Question, f.Answer)));
        foreach (var (_, chart) in charts)
        {
            var entries = ChartEntries(chart, measure.Dimension);
            if (entries.Count < 2 || EntryFor(entries, measure) is not { } entry)
            {
                continue;
            }

            var shown = ShopperMeasureText(text);
            var answer = new StringBuilder(product is null
                ? $"For {shown}, size {entry.Label} is the one to take ({entry.Text.Trim().TrimEnd('.')})."
                : $"For {shown}, take size {entry.Label} of the {product.Name} ({entry.Text.Trim().TrimEnd('.')}).");
            if (product is not null)
            {
                var fit = product.Attributes.Where(a => SizeKey().IsMatch(a.Key)).Select(a => a.Value).FirstOrDefault();
                if (fit is not null)
                {
                    answer.Append($" Fit: {fit}.");
                }

                var variant = product.Variants.FirstOrDefault(v => string.Equals(v.Name.Trim(), entry.Label, StringComparison.OrdinalIgnoreCase));
                if (variant is not null)
                {
                    answer.Append(variant.InStock ? $" {variant.Name} is in stock." : $" {variant.Name} is out of stock right now.");
                }

                answer.Append(LinkOf(product));
            }

            return Reply(answer.ToString(), AssistantTopics.Sizing);
        }

        return null;
    }

    /// <summary>The measurement as the shopper wrote it, rebuilt from the number and unit only (nothing else is echoed).</summary>
    private static string ShopperMeasureText(string text)
    {
        var match = MeasurePattern().Match(text.ToLowerInvariant());
        return $"{match.Groups["n"].Value} {match.Groups["u"].Value.Trim()}";
    }

    /// <summary>Whether a compatibility range ("10 to 16 inches", "60 to 200 L") holds the shopper's measurement; null when it has none.</summary>
    private static bool? RangeHolds(string value, Measure measure)
    {
        var entries = ChartEntries(value, measure.Dimension).Where(e => e.High > e.Low).ToList();
        return entries.Count == 0 ? null : entries.Any(e => measure.Value >= e.Low - 1e-9 && measure.Value <= e.High + 1e-9);
    }

    /// <summary>
    /// Whether the shopper's measure is within a limit the key names ("max user weight: 120 kg"); null when the key is
    /// no limit or the value holds no single measure of that kind.
    /// </summary>
    private static bool? LimitHolds(string key, string value, Measure measure)
    {
        if (!LimitKey().IsMatch(key))
        {
            return null;
        }

        var entries = ChartEntries(value, measure.Dimension);
        return entries is [var only] ? measure.Value <= only.High + 1e-9 : null;
    }

    [GeneratedRegex(@"\b(max|maximum|limit|capacity)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LimitKey();

    [GeneratedRegex(@"\b(?<h>how\s+(tall|high)|height|tall)\b|\b(?<w>how\s+wide|width|wide)\b|\b(?<d>how\s+deep|depth|deep)\b|\b(?<l>how\s+long|length)\b")]
    private static partial Regex AxisQuestion();

    [GeneratedRegex(@"(?<n>\d+(?:[.,]\d+)?(?:\s*[x×]\s*\d+(?:[.,]\d+)?)+)\s*(?<u>mm|cm|m|in|inches|ft)?\s*\(\s*(?<l>[A-Za-z](?:\s*[x×]\s*[A-Za-z])+)\s*\)")]
    private static partial Regex DimensionLegend();

    [GeneratedRegex(@"\s*[x×]\s*")]
    private static partial Regex DimensionSplit();

    [GeneratedRegex(@"^\s*(is|are|does|do|can|could|will|would|has|have|was|were|did)\b")]
    private static partial Regex YesNoQuestion();

    [GeneratedRegex(@"(?<x>\w+)[\s-]free\b", RegexOptions.IgnoreCase)]
    private static partial Regex FreeCompound();

    [GeneratedRegex(@"(?<a>[\w-]+)\s+or\s+(?<b>[\w-]+)")]
    private static partial Regex OrOptions();

    [GeneratedRegex(@"^\s*(not\s+suitable|unsuitable|not\s+for|not\s+recommended|avoid|does\s+not|doesn'?t|do\s+not|not\s+safe|warning|caution|contraindicat)", RegexOptions.IgnoreCase)]
    private static partial Regex NegativeKey();

    [GeneratedRegex(@"^\s*(is|are)\b")]
    private static partial Regex CopulaQuestion();

    [GeneratedRegex(@"^\s*(no|not|none|never)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegativeValue();

    [GeneratedRegex(@"^\s*(yes|yep|included|supported|suitable)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AffirmativeValue();

    [GeneratedRegex(@"\b(not|no|only|except|without|n't)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QualifiedValue();

    [GeneratedRegex(@"\b(cheap\w*|expensive|price|prices|cost|costs|costly|pricier|budget|how\s+much)\b")]
    private static partial Regex PriceWords();

    [GeneratedRegex(@"\b(cheap\w*|less\s+expensive|lower\s+price|more\s+affordable)\b")]
    private static partial Regex CheaperWords();

    [GeneratedRegex(@"(?<![\w.])(?<n>\d+(?:[.,]\d+)?)\s*(?<u>mm|cm|m|inches|inch|in(?![a-z]|\s+[a-z])|""|″|kgs|kg|kilos?|g|lbs|lb|pounds|ml|litres|litre|liters|liter|l)(?![a-z0-9])")]
    private static partial Regex MeasurePattern();

    [GeneratedRegex(@"(?<a>\d+(?:[.,]\d+)?)\s*(?:-|–|to)\s*(?<b>\d+(?:[.,]\d+)?)\s*(?<u>mm|cm|m|inches|inch|in|""|kgs|kg|g|lbs|lb|ml|litres|litre|liters|liter|l)(?![a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"\b(?:up\s+to|max(?:imum)?|under)\s+(?<n>\d+(?:[.,]\d+)?)\s*(?<u>mm|cm|m|inches|inch|in|""|kgs|kg|g|lbs|lb|ml|litres|litre|liters|liter|l)(?![a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex UpToPattern();

    [GeneratedRegex(@"[,;]\s*(?![^()]*\))|\.\s+")]
    private static partial Regex ChartSeparator();

    [GeneratedRegex(@"^(X{0,3}S|M|X{0,3}L|\dXL|XXL|XXS)$")]
    private static partial Regex SizeCode();

    [GeneratedRegex(@"^\s*(yes|no)\b[\s,:;.\-—–]*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingYesNo();
}
