using System.Globalization;
using System.Text.RegularExpressions;

namespace Upsellic.Assistant.Engine;

/// <summary>
/// Who a product is for by age: "can my 4yo play with it?" of "age range: 6 years and up" is a no, whatever words the
/// question shares with the product. The shopper's age and the product's range are read as months and compared.
/// </summary>
public sealed partial class BuiltInAssistantEngine
{
    /// <summary>An age the shopper gave, in months, with the words it is shown in ("a 4-year-old").</summary>
    private readonly record struct ShopperAge(double Months, string Shown, string Phrase);

    private static ShopperAge? AgeOf(string lower)
    {
        if (NewbornPattern().Match(lower) is { Success: true } newborn)
        {
            return new ShopperAge(0, "a newborn", newborn.Value);
        }

        var match = ShopperAgePattern().Match(lower);
        if (!match.Success || !double.TryParse(match.Groups["n"].Value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var months = match.Groups["u"].Value.StartsWith('m');
        var number = n.ToString(CultureInfo.InvariantCulture);
        return months
            ? new ShopperAge(n, $"a {number}-month-old", match.Value)
            : new ShopperAge(n * 12, $"a {number}-year-old", match.Value);
    }

    /// <summary>A product's age range in months ("3 to 6 years", "12 months and up", "from birth"); null when it states none.</summary>
    private static (double Low, double High)? AgeRangeOf(string value)
    {
        var lower = value.ToLowerInvariant();
        if (AgeSpanPattern().Match(lower) is { Success: true } span)
        {
            var unit = Unit(span.Groups["u"].Value);
            var low = span.Groups["a"].Value is "birth" or "newborn" ? 0 : Number(span.Groups["a"].Value) * unit;
            // "3 to 6 years" includes a six-and-a-half-year-old: the upper bound is the end of its year (or month).
            return (low, (Number(span.Groups["b"].Value) + 1) * unit - 0.001);
        }

        if (AgeFromPattern().Match(lower) is { Success: true } from)
        {
            return from.Groups["n"].Success ? (Number(from.Groups["n"].Value) * Unit(from.Groups["u"].Value), double.MaxValue) : (0, double.MaxValue);
        }

        return null;

        static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        static double Unit(string unit) => unit.StartsWith('m') ? 1 : 12;
    }

    /// <summary>The product's age attribute ("age range", "ages", "life stage") with a range that can be read.</summary>
    private static (string Key, string Value, double Low, double High)? AgeAttribute(SnapshotProduct product) =>
        product.Attributes.Where(a => AgeKey().IsMatch(a.Key))
            .Select(a => AgeRangeOf(a.Value) is { } range ? (a.Key, a.Value, range.Low, range.High) : ((string, string, double, double)?)null)
            .FirstOrDefault(a => a is not null);

    /// <summary>Yes or no for the age the shopper gave, from the product's stated age range.</summary>
    private static AssistantReply? AgeAnswer(SnapshotProduct product, ShopperAge age, KnowledgeSnapshot knowledge)
    {
        if (AgeAttribute(product) is not { } range)
        {
            return null;
        }

        var name = $"the {product.Name} ({Money(product.Price, knowledge.Currency)})";
        var fits = age.Months >= range.Low - 1e-9 && age.Months <= range.High;
        return Reply(fits
                ? $"Yes — {name} is for {range.Value} ({Label(range.Key).ToLowerInvariant()}), so it suits {age.Shown}." + LinkOf(product)
                : $"No — {name} is for {range.Value} ({Label(range.Key).ToLowerInvariant()}), so it isn't meant for {age.Shown}." + LinkOf(product),
            AssistantTopics.Compatibility);
    }

    /// <summary>Whether a product suits the age: one with no stated range is not ruled out.</summary>
    private static bool SuitsAge(SnapshotProduct product, ShopperAge age) =>
        AgeAttribute(product) is not { } range || (age.Months >= range.Low - 1e-9 && age.Months <= range.High);

    // "4yo", "4 y/o", "4 year old", "4-year-old", "18 month old", "6 months old", "aged 5".
    [GeneratedRegex(@"(?<![\w.])(?<n>\d{1,2}(?:[.,]5)?)\s*-?\s*(?:(?<u>yo|y/o|yrs?|years?|mo|months?)\s*-?\s*old\b|(?<u>yo|y/o)\b)|\baged?\s+(?<n>\d{1,2})\b(?!\s*(?:months?|days?|weeks?))")]
    private static partial Regex ShopperAgePattern();

    [GeneratedRegex(@"\b(new[\s-]?born|from\s+birth|just\s+born)\b")]
    private static partial Regex NewbornPattern();

    [GeneratedRegex(@"(?<a>\d+|birth|newborn)\s*(?:-|–|to)\s*(?<b>\d+)\s*(?<u>years?|yrs?|months?|mos?)\b")]
    private static partial Regex AgeSpanPattern();

    [GeneratedRegex(@"(?<n>\d+)\s*(?<u>years?|yrs?|months?|mos?)\s*(?:\+|and\s+(?:up|over|older|above)|plus|or\s+(?:older|over))|\bfrom\s+(?<n>\d+)\s*(?<u>years?|yrs?|months?|mos?)\b|\b(?:from\s+)?(?:birth|newborn)\b|\b0\s*\+|(?<n>\d+)\s*\+")]
    private static partial Regex AgeFromPattern();

    [GeneratedRegex(@"\bages?\b|\blife\s*stage\b|\bsuitable\s+for\s+ages?\b", RegexOptions.IgnoreCase)]
    private static partial Regex AgeKey();
}
