using System.Globalization;

namespace Upsellic.HandoffIntelligence.Domain;

/// <summary>
/// Sentiment from the VADER lexicon (Hutto &amp; Gilbert 2014, MIT; notice in Data/licenses/vader-MIT.txt), scored
/// with VADER's main heuristics: negation flips and damps, boosters and capitals intensify, exclamation marks add
/// emphasis, and the sum is squashed to a compound score in [-1, 1].
/// </summary>
public sealed class SentimentLexicon
{
    private const double NegationScalar = -0.74;
    private const double BoosterIncrement = 0.293;
    private const double CapitalsIncrement = 0.733;
    private const double ExclamationIncrement = 0.292;
    private const double CompoundAlpha = 15;

    private static readonly HashSet<string> Negations =
    [
        "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without", "cant", "cannot", "dont",
        "doesnt", "didnt", "isnt", "wasnt", "werent", "wont", "wouldnt", "hasnt", "havent", "hadnt", "shouldnt",
        "aint", "couldnt", "neednt",
    ];

    private static readonly HashSet<string> Boosters =
    [
        "very", "really", "extremely", "so", "totally", "absolutely", "completely", "utterly", "incredibly", "super",
        "seriously", "highly", "truly", "terribly", "awfully", "most", "such",
    ];

    private readonly Dictionary<string, double> _valences;

    private SentimentLexicon(Dictionary<string, double> valences) => _valences = valences;

    /// <summary>Reads the tab-separated lexicon: token, mean valence in [-4, 4], then columns this scorer ignores.</summary>
    public static SentimentLexicon Load(TextReader reader)
    {
        var valences = new Dictionary<string, double>(StringComparer.Ordinal);
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (header)
            {
                header = false;
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length >= 2 && double.TryParse(columns[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var valence))
            {
                valences[columns[0]] = valence;
            }
        }

        return new SentimentLexicon(valences);
    }

    /// <summary>The copy shipped inside this assembly.</summary>
    public static SentimentLexicon Embedded { get; } = LoadEmbedded();

    public SentimentScore Score(string text)
    {
        var rawTokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var textIsAllCaps = rawTokens.Length > 0 && rawTokens.All(t => !t.Any(char.IsLower));
        var words = new List<string>(rawTokens.Length);
        double sum = 0;
        var negativeHits = 0;
        var positiveHits = 0;

        foreach (var raw in rawTokens)
        {
            // Emoticons such as ":(" are lexicon entries of their own; try the raw token before stripping punctuation.
            var word = _valences.ContainsKey(raw) ? raw : Strip(raw);
            if (word.Length == 0)
            {
                continue;
            }

            words.Add(word);
            if (!_valences.TryGetValue(word, out var valence))
            {
                continue;
            }

            var index = words.Count - 1;
            if (index > 0 && Boosters.Contains(words[index - 1]))
            {
                valence += Math.Sign(valence) * BoosterIncrement;
            }

            if (!textIsAllCaps && raw.Length > 1 && raw.Any(char.IsLetter) && !raw.Any(char.IsLower))
            {
                valence += Math.Sign(valence) * CapitalsIncrement;
            }

            if (Enumerable.Range(Math.Max(0, index - 3), index - Math.Max(0, index - 3)).Any(i => Negations.Contains(words[i])))
            {
                valence *= NegationScalar;
            }

            if (valence < 0)
            {
                negativeHits++;
            }
            else if (valence > 0)
            {
                positiveHits++;
            }

            sum += valence;
        }

        if (sum != 0)
        {
            sum += Math.Sign(sum) * Math.Min(text.Count(c => c == '!'), 4) * ExclamationIncrement;
        }

        var compound = sum / Math.Sqrt(sum * sum + CompoundAlpha);
        return new SentimentScore(compound, negativeHits, positiveHits, words.Count);
    }

    private static string Strip(string raw)
    {
        var lower = raw.ToLowerInvariant().Trim('.', ',', '!', '?', ';', ':', '"', '(', ')', '[', ']', '*', '-');
        return lower.Replace("'", string.Empty).Replace("’", string.Empty);
    }

    private static SentimentLexicon LoadEmbedded()
    {
        using var stream = typeof(SentimentLexicon).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"The sentiment lexicon resource '{EmbeddedResourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }

    internal const string EmbeddedResourceName = "Upsellic.HandoffIntelligence.sentiment-lexicon.tsv";
}

/// <param name="Compound">VADER compound score: -1 very negative, 0 neutral, 1 very positive.</param>
public sealed record SentimentScore(double Compound, int NegativeWords, int PositiveWords, int Words)
{
    public double Negativity => Math.Max(0, -Compound);

    public string Describe() => Compound switch
    {
        <= -0.6 => "very upset",
        <= -0.25 => "frustrated",
        < 0.25 => "calm",
        _ => "positive",
    };
}
