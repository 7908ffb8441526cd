using System.Text.RegularExpressions;

namespace Upsellic.Assistant.Engine;

/// <summary>A passage of a policy: one sentence or line, searched on its own so an answer quotes only what was asked.</summary>
/// <param name="Line">The line of the policy text the sentence is on.</param>
internal sealed record PolicyPassage(int Policy, int Position, string Text, string Topic, int Line);

/// <summary>The search structures the built-in engine needs, built once per snapshot.</summary>
internal sealed partial class KnowledgeIndex
{
    public KnowledgeIndex(KnowledgeSnapshot snapshot)
    {
        Passages = snapshot.Policies
            .SelectMany((policy, p) => SplitPassages(policy.Text).Select((passage, i) => new PolicyPassage(p, i, passage.Text, policy.Topic, passage.Line)))
            .ToList();
        // The topic is part of every passage of its policy: "how long does it take?" under "Shipping" is about shipping.
        PassageIndex = new Bm25Index(Passages.Select(p => (IReadOnlyList<string>)[.. TextAnalyzer.Terms(p.Topic), .. TextAnalyzer.Terms(p.Text)]));
        PolicyTopicTerms = snapshot.Policies.Select(p => (IReadOnlySet<string>)TextAnalyzer.Terms(p.Topic).ToHashSet()).ToList();
        PassageTerms = Passages.Select(p => (IReadOnlySet<string>)TextAnalyzer.Terms(p.Text).ToHashSet()).ToList();
        FaqQuestionIndex = new Bm25Index(snapshot.Faq.Select(f => (IReadOnlyList<string>)TextAnalyzer.Terms(f.Question)));
        FaqIndex = new Bm25Index(snapshot.Faq.Select(f => (IReadOnlyList<string>)[.. TextAnalyzer.Terms(f.Question), .. TextAnalyzer.Terms(f.Question), .. TextAnalyzer.Terms(f.Answer)]));

        ProductNameTerms = snapshot.Products.Select(p => TextAnalyzer.Terms(p.Name).Distinct().ToList()).ToList();
        ProductNameBigrams = snapshot.Products.Select(p => (IReadOnlySet<string>)Bigrams(TextAnalyzer.Terms(p.Name))).ToList();
        ProductModelKeys = snapshot.Products.Select(p => (IReadOnlySet<string>)ModelKeys(p.Name)).ToList();
        ProductNameNumbers = snapshot.Products.Select(p => (IReadOnlySet<string>)NumberRun().Matches(p.Name).Select(m => m.Value).ToHashSet()).ToList();
        ProductNameIndex = new Bm25Index(ProductNameTerms.Select(t => (IReadOnlyList<string>)t));
        ProductIndex = new Bm25Index(snapshot.Products.Select(p => (IReadOnlyList<string>)ProductTerms(p)));
        ProductAttributeTerms = snapshot.Products.Select(p => (IReadOnlySet<string>)p.Attributes
            .SelectMany(a => TextAnalyzer.Terms(a.Key + " " + a.Value))
            .Concat(TextAnalyzer.Terms(p.Description)).ToHashSet()).ToList();
        ProductAttributeKeyTerms = snapshot.Products.Select(p => (IReadOnlySet<string>)p.Attributes.Keys
            .Where(k => !IsKindKey(k)).SelectMany(k => TextAnalyzer.Terms(k)).ToHashSet()).ToList();
        // A coined name word ("AdjustaBell") whose cut-down term meets an ordinary one elsewhere ("adjustable straps"):
        // written whole, it is only this product's. Precomputed so a question costs one lookup per word.
        var wordProducts = snapshot.Products
            .SelectMany((p, i) => TextAnalyzer.Words(p.Name + " " + p.Description + " " + string.Join(" ", p.Attributes.Select(a => a.Key + " " + a.Value)))
                .Distinct().Select(w => (Word: w, Product: i)))
            .GroupBy(x => x.Word).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Product);
        OwnNameWords = snapshot.Products.SelectMany((p, i) => TextAnalyzer.Words(p.Name)
                .Where(w => w.Length >= 5 && w.All(char.IsLetter) && wordProducts.GetValueOrDefault(w, -1) == i
                    && TextAnalyzer.Terms(w) is [var term] && ProductIndex.DocumentFrequency(term) > 1)
                .Select(w => (Word: w, Product: i)))
            .GroupBy(x => x.Word).ToDictionary(g => g.Key, g => g.First().Product);
        // "The Orbit", "the Ethiopia": a name word no other name has still names its product when the other products
        // that use it only refer to this one by its name ("compatible with: Orbit 2-in-1 Travel System").
        var fieldBigrams = snapshot.Products.Select(p => new[] { p.Name, p.Description }.Concat(p.Attributes.Select(a => a.Key + " " + a.Value))
            .SelectMany(f => Bigrams(TextAnalyzer.Terms(f))).ToHashSet()).ToList();
        var productTermSets = snapshot.Products.Select(p => ProductTerms(p).ToHashSet()).ToList();
        ProperNameWords = ProductNameTerms.Select((name, i) =>
        {
            var nameBigrams = Bigrams(TextAnalyzer.Terms(snapshot.Products[i].Name));
            return (IReadOnlySet<string>)name.Where(t => !t.All(char.IsDigit) && ProductNameIndex.DocumentFrequency(t) == 1
                    && nameBigrams.Where(b => b.Split(' ').Contains(t)).ToList() is { Count: > 0 } own
                    && Enumerable.Range(0, productTermSets.Count).All(j => j == i || !productTermSets[j].Contains(t) || own.Any(fieldBigrams[j].Contains)))
                .ToHashSet();
        }).ToList();
        StoreNameTerms = TextAnalyzer.Terms(snapshot.StoreName).Distinct().ToList();
        // The kind of each product ("jacket", "tent"): the last word of its name, and its category attribute if any.
        // A category of several words names its kind by the last one: a "phone case" is a case, not a phone.
        ProductKinds = snapshot.Products.Select(p => (IReadOnlySet<string>)TextAnalyzer.Terms(p.Name).TakeLast(1)
            .Concat(p.Attributes.Where(a => IsKindKey(a.Key)).SelectMany(a => a.Value.Split(',', '/'))
                .SelectMany(v => TextAnalyzer.Terms(v).TakeLast(1)))
            .ToHashSet()).ToList();
        AllKinds = ProductKinds.SelectMany(k => k).ToHashSet();
        CategoryTerms = snapshot.Products.SelectMany(p => p.Attributes.Where(a => IsKindKey(a.Key)).SelectMany(a => TextAnalyzer.Terms(a.Value)))
            .Concat(AllKinds).ToHashSet();
        CatalogueTerms = ProductNameTerms.SelectMany(t => t).Concat(CategoryTerms).ToHashSet();
        // Hyphenated words are also known joined up: "nonstick" is the "non-stick" a product speaks of.
        var hyphenated = snapshot.Products.SelectMany(p => new[] { p.Name, p.Description }.Concat(p.Attributes.Select(a => a.Key + " " + a.Value)))
            .Concat(snapshot.Policies.Select(p => p.Text)).Concat(snapshot.Faq.Select(f => f.Question + " " + f.Answer))
            .SelectMany(text => HyphenatedWord().Matches(text)).SelectMany(m => TextAnalyzer.Terms(m.Value.Replace("-", string.Empty)));
        Vocabulary = ProductIndex.Terms.Concat(PassageIndex.Terms).Concat(FaqIndex.Terms).Concat(CatalogueTerms)
            .Concat(StoreNameTerms).Concat(hyphenated).ToHashSet();
    }

    /// <summary>Every term the store's information holds anywhere: products, policies, FAQ, names.</summary>
    public IReadOnlySet<string> Vocabulary { get; }

    public IReadOnlyList<PolicyPassage> Passages { get; }

    /// <summary>Each product's name words that only its name has, or that others use only to name it.</summary>
    public IReadOnlyList<IReadOnlySet<string>> ProperNameWords { get; }

    /// <summary>The words of each policy's own topic ("Subscription", "Car seat safety"), by policy.</summary>
    public IReadOnlyList<IReadOnlySet<string>> PolicyTopicTerms { get; }

    /// <summary>The words of each passage's text, by passage.</summary>
    public IReadOnlyList<IReadOnlySet<string>> PassageTerms { get; }

    /// <summary>Name words written nowhere else in the catalogue whose terms are shared (see the constructor), to their product.</summary>
    public IReadOnlyDictionary<string, int> OwnNameWords { get; }

    /// <summary>Consecutive name terms ("usbc usbc"): a question that repeats a name's word order names that product.</summary>
    public IReadOnlyList<IReadOnlySet<string>> ProductNameBigrams { get; }

    /// <summary>Whether the policies or FAQ use the term at all (a place the store names, for example).</summary>
    public bool PoliciesKnow(string term) => PassageIndex.Knows(term) || FaqIndex.Knows(term);

    public static HashSet<string> Bigrams(IReadOnlyList<string> terms) =>
        Enumerable.Range(0, Math.Max(0, terms.Count - 1)).Select(i => terms[i] + " " + terms[i + 1]).ToHashSet();

    public Bm25Index PassageIndex { get; }

    /// <summary>Each product name's model codes (see <see cref="ModelKeys"/>).</summary>
    public IReadOnlyList<IReadOnlySet<string>> ProductModelKeys { get; }

    /// <summary>The numbers written in each product's name, also inside a word ("13" of "HERO13").</summary>
    public IReadOnlyList<IReadOnlySet<string>> ProductNameNumbers { get; }

    /// <summary>
    /// Model codes in a text: one word or two or three adjacent words run together, with letters and digits both
    /// ("a7 IV" is "a7iv", "X-T5" is "xt5"), so a code matches however a shopper spaces or hyphenates it.
    /// </summary>
    public static HashSet<string> ModelKeys(string text)
    {
        var words = TextAnalyzer.Words(text).ToList();
        var keys = new HashSet<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var joined = string.Empty;
            for (var n = 0; n < 3 && i + n < words.Count; n++)
            {
                joined += words[i + n];
                if (joined.Length >= 3 && joined.Any(char.IsDigit) && joined.Any(char.IsLetter))
                {
                    keys.Add(joined);
                }
            }
        }

        return keys;
    }

    public Bm25Index FaqQuestionIndex { get; }

    public Bm25Index FaqIndex { get; }

    public IReadOnlyList<IReadOnlyList<string>> ProductNameTerms { get; }

    public Bm25Index ProductNameIndex { get; }

    public Bm25Index ProductIndex { get; }

    public IReadOnlyList<IReadOnlySet<string>> ProductAttributeTerms { get; }

    public IReadOnlyList<IReadOnlySet<string>> ProductKinds { get; }

    /// <summary>The words of each product's attribute names ("grain free", "max load"): properties, not names.</summary>
    public IReadOnlyList<IReadOnlySet<string>> ProductAttributeKeyTerms { get; }

    /// <summary>The store's own name: "who founded Glow Lab?" asks nothing that "Glow Lab" in a policy answers.</summary>
    public IReadOnlyList<string> StoreNameTerms { get; }

    public IReadOnlySet<string> AllKinds { get; }

    /// <summary>Every word of the products' categories ("sleeping" of "sleeping bag"): what a product is, not its name.</summary>
    public IReadOnlySet<string> CategoryTerms { get; }

    /// <summary>Every word of the products' names and categories: what the store sells, not how it describes it.</summary>
    public IReadOnlySet<string> CatalogueTerms { get; }

    public static bool IsKindKey(string key) =>
        key.Equals("category", StringComparison.OrdinalIgnoreCase) || key.Equals("type", StringComparison.OrdinalIgnoreCase)
        || key.Equals("kind", StringComparison.OrdinalIgnoreCase);

    private static List<string> ProductTerms(SnapshotProduct product)
    {
        var name = TextAnalyzer.Terms(product.Name);
        var terms = new List<string>();
        // The name counts three times: a question that names a product should find that product first.
        terms.AddRange(name);
        terms.AddRange(name);
        terms.AddRange(name);
        terms.AddRange(TextAnalyzer.Terms(product.Sku));
        foreach (var (key, value) in product.Attributes)
        {
            terms.AddRange(TextAnalyzer.Terms(key));
            terms.AddRange(TextAnalyzer.Terms(value));
        }

        terms.AddRange(TextAnalyzer.Terms(product.Description));
        return terms;
    }

    /// <summary>Sentences and lines; a short heading line or question stays with the sentence after it.</summary>
    private static IEnumerable<(string Text, int Line)> SplitPassages(string text)
    {
        string? carry = null;
        var line = -1;
        foreach (var raw in text.Split('\n').SelectMany((l, n) => SentenceBreak().Split(l).Select(s => (Sentence: s, Line: n))))
        {
            line = raw.Line;
            var sentence = raw.Sentence.Trim().TrimStart('-', '*', '•', ' ');
            if (sentence.Length == 0)
            {
                continue;
            }

            if (carry is not null)
            {
                sentence = carry + " " + sentence;
                carry = null;
            }

            // "Shipping zones:" and "Damaged in transit?" head the sentence that answers them.
            if ((sentence.EndsWith(':') && sentence.Length < 60) || (sentence.EndsWith('?') && sentence.Length < 80))
            {
                carry = sentence;
                continue;
            }

            yield return (sentence, line);
        }

        if (carry is not null)
        {
            yield return (carry, line);
        }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex NumberRun();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9(])|\r?\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\b\w+(?:-\w+)+\b")]
    private static partial Regex HyphenatedWord();
}
