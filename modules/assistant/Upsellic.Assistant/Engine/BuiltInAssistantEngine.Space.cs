using System.Text.RegularExpressions;

namespace Upsellic.Assistant.Engine;

public sealed partial class BuiltInAssistantEngine
{
    /// <summary>
    /// "Will the sofa fit through a 70 cm door?", "I have a 150 cm gap", "my ceiling is 2.1 m", "will my 15 inch laptop
    /// fit in it?": the shopper's length held against the product's own figure for that space, a yes or no with both
    /// figures. Null when the question names no such space or the product states no figure for it, so the attribute and
    /// sizing answers still run.
    /// </summary>
    private static AssistantReply? SpaceAnswer(string text, SnapshotProduct product, KnowledgeSnapshot knowledge)
    {
        var lower = text.ToLowerInvariant();
        if (!FitWord().IsMatch(lower) || ShopperMeasure(text) is not { Dimension: "length" } measure)
        {
            return null;
        }

        var shown = ShopperMeasureText(text);
        var name = $"the {product.Name} ({Money(product.Price, knowledge.Currency)})";
        string sentence;
        if (SpaceQuestion().Match(lower) is { Success: true } space)
        {
            // The space the product takes: a door is passed by its depth (or a stated minimum doorway), a gap by its
            // width, a ceiling by its height.
            var (axis, letter, key) = space.Groups["door"].Success ? ("depth", 'D', DoorKey())
                : space.Groups["h"].Success ? ("height", 'H', HeightKey())
                : ("width", 'W', WidthKey());
            if (ProductFigure(product, letter, key) is not { } figure)
            {
                return null;
            }

            var what = figure.Key is { } named ? Label(named).ToLowerInvariant() : axis;
            sentence = measure.Value >= figure.Length - 1e-9
                ? $"Yes — {name} should fit: its {what} is {figure.Text}, and you have {shown}."
                : $"No — {name} won't fit: its {what} is {figure.Text}, more than the {shown} you have.";
        }
        else
        {
            // What the product holds ("laptop sleeve: fits up to a 15-inch laptop"): the shopper's item must be no
            // bigger, and the attribute must speak of the thing asked about (a laptop, not any "up to").
            var asked = TextAnalyzer.Terms(WithoutName(lower, product)).Where(t => !t.All(char.IsDigit) && !SizeWords.Contains(t)).ToHashSet();
            var holder = product.Attributes
                .Select(a => (a.Key, a.Value, Limit: CapacityLimit().Match(a.Value)))
                .Where(a => a.Limit.Success && TextAnalyzer.Terms(a.Key + " " + a.Value).Any(asked.Contains))
                .Select(a => (a.Key, a.Value, Max: ToMeasure(a.Limit.Groups["n"].Value, a.Limit.Groups["u"].Value)))
                .FirstOrDefault(a => a.Max?.Dimension == "length");
            if (holder.Max is not { } max)
            {
                return null;
            }

            sentence = measure.Value <= max.Value + 1e-9
                ? $"Yes — {name}: {Label(holder.Key).ToLowerInvariant()}: {holder.Value}, so {shown} fits."
                : $"No — {name}: {Label(holder.Key).ToLowerInvariant()}: {holder.Value}, so {shown} is too big for it.";
        }

        return Reply(Capital(sentence) + LinkOf(product), AssistantTopics.Compatibility);
    }

    /// <summary>A length of the product: a named attribute ("minimum doorway: 75 cm", "height: 215 cm") or one axis of its dimensions.</summary>
    private sealed record Figure(string? Key, double Length, string Text);

    private static Figure? ProductFigure(SnapshotProduct product, char letter, Regex key)
    {
        foreach (var (attributeKey, value) in product.Attributes)
        {
            if (key.IsMatch(attributeKey.Trim()) && MeasurePattern().Matches(value.ToLowerInvariant()) is [var only]
                && ToMeasure(only.Groups["n"].Value, only.Groups["u"].Value) is { Dimension: "length" } stated)
            {
                return new Figure(attributeKey, stated.Value, $"{only.Groups["n"].Value} {only.Groups["u"].Value.Trim()}");
            }
        }

        foreach (var value in product.Attributes.Values)
        {
            if (AxisFigure(value, letter) is { } figure)
            {
                return figure;
            }
        }

        return null;
    }

    /// <summary>
    /// One axis of dimensions written with letters: "W 210 x D 95 x H 85 cm" or "80 x 30 x 90 cm (W x D x H)"; null when
    /// the value does not say which number is which.
    /// </summary>
    private static Figure? AxisFigure(string value, char letter)
    {
        string? number = null;
        string unit;
        if (DimensionLegend().Match(value) is { Success: true } legend)
        {
            number = LegendNumber(legend, letter);
            unit = legend.Groups["u"].Value;
        }
        else
        {
            var lettered = LetteredDimensions().Match(value);
            if (!lettered.Success)
            {
                return null;
            }

            number = lettered.Groups["a"].Captures.Select((c, i) => (c.Value, i))
                .Where(c => char.ToUpperInvariant(c.Value[0]) == letter).Select(c => lettered.Groups["n"].Captures[c.i].Value).FirstOrDefault();
            unit = lettered.Groups["u"].Value;
        }

        return number is not null && ToMeasure(number, unit) is { Dimension: "length" } length
            ? new Figure(null, length.Value, $"{number} {unit}")
            : null;
    }

    /// <summary>The space the shopper measured: a way in (door, hallway, stairs), a ceiling, or a gap along a wall.</summary>
    [GeneratedRegex(@"\b(?<door>doors?|doorways?|hallways?|corridors?|stairs?|stairways?|staircases?|through)\b|\b(?<h>ceilings?|headroom|high|tall|height)\b|\b(?<w>gap|space|alcove|recess|nook|wide|width|between)\b")]
    private static partial Regex SpaceQuestion();

    [GeneratedRegex(@"\bdoor", RegexOptions.IgnoreCase)]
    private static partial Regex DoorKey();

    // "Seat height" is not how tall the whole thing stands: only a plain or overall height is.
    [GeneratedRegex(@"^((overall|total|max(imum)?)\s+)?height$", RegexOptions.IgnoreCase)]
    private static partial Regex HeightKey();

    [GeneratedRegex(@"^((overall|total|max(imum)?)\s+)?width$", RegexOptions.IgnoreCase)]
    private static partial Regex WidthKey();

    [GeneratedRegex(@"^\s*(?:(?<a>[WDHLwdhl])\s*(?<n>\d+(?:[.,]\d+)?)\s*(?:[x×]\s*)?){2,}(?<u>mm|cm|m|in)\b")]
    private static partial Regex LetteredDimensions();

    [GeneratedRegex(@"\bup\s+to\s+(?:an?\s+)?(?<n>\d+(?:[.,]\d+)?)\s*-?\s*(?<u>inches|inch|in|cm|mm|""|″)(?![a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex CapacityLimit();
}
