using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Upsellic.HandoffIntelligence.Ml;

/// <summary>One labelled conversation: the label is about its last shopper turn.</summary>
public sealed record HandoffExample(IReadOnlyList<ConversationTurn> Turns, string Label, string Source)
{
    public static HandoffExample SingleTurn(string text, string label, string source) =>
        new([new ConversationTurn(TurnRole.Shopper, text)], label, source);
}

/// <summary>
/// Reads labelled examples: CSV files shaped <c>text,label,source</c> (one shopper message each) and JSON-lines files
/// with whole conversations <c>{"turns":[{"role":"shopper","text":"…"}…],"label":"…","source":"…"}</c>.
/// </summary>
public static class HandoffExampleReader
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<HandoffExample> Read(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? ReadConversations(path) : ReadCsv(path);

    public static IReadOnlyList<HandoffExample> ReadCsv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var records = ParseCsv(reader.ReadToEnd()).ToList();
        if (records.Count == 0)
        {
            return [];
        }

        var header = records[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        var textColumn = header.IndexOf("text");
        var labelColumn = header.IndexOf("label");
        var sourceColumn = header.IndexOf("source");
        if (textColumn < 0 || labelColumn < 0)
        {
            throw new InvalidDataException($"{path}: the header must name the columns 'text' and 'label' (and optionally 'source').");
        }

        return records.Skip(1)
            .Where(r => r.Count > Math.Max(textColumn, labelColumn) && r[textColumn].Length > 0)
            .Select(r => HandoffExample.SingleTurn(
                r[textColumn],
                r[labelColumn].Trim(),
                sourceColumn >= 0 && sourceColumn < r.Count ? r[sourceColumn] : Path.GetFileName(path)))
            .ToList();
    }

    public static IReadOnlyList<HandoffExample> ReadConversations(string path) =>
        File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<ConversationLine>(line, JsonOptions)
                ?? throw new InvalidDataException($"{path}: an empty JSON line."))
            .Select(c => new HandoffExample(c.Turns.Select(t => new ConversationTurn(t.Role, t.Text)).ToArray(), c.Label, c.Source ?? Path.GetFileName(path)))
            .ToList();

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static IEnumerable<List<string>> ParseCsv(string content)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    yield return record;
                    record = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }

    private sealed record ConversationLine(IReadOnlyList<TurnLine> Turns, string Label, string? Source);

    private sealed record TurnLine(TurnRole Role, string Text);
}
