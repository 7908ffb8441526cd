using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Upsellic.Assistant.Application;

/// <summary>One product read from an import file, with the line it starts on (1-based) for error messages.</summary>
public sealed record ParsedProduct(int Line, ProductDto Product);

public sealed record ParsedProductFile(IReadOnlyList<ParsedProduct> Products, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Reads a product import file: a JSON array of products (as in the knowledge document), or a CSV file with the header
/// <c>sku,name,description,price,url,attributes,variants</c> (RFC 4180 quoting). In CSV, attributes are written
/// <c>key=value;key=value</c> and variants <c>S:in|M:out</c> (in/out, yes/no or true/false); price uses a dot.
/// </summary>
public static class ProductFileParser
{
    public static readonly IReadOnlyList<string> CsvColumns = ["sku", "name", "description", "price", "url", "attributes", "variants"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ParsedProductFile Parse(string text, string fileName)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var isJson = fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && trimmed.StartsWith('['));
        return isJson ? ParseJson(text.TrimStart('\uFEFF')) : ParseCsv(text.TrimStart('\uFEFF'));
    }

    private static ParsedProductFile ParseJson(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var products = new List<ParsedProduct>();
        var lines = new LineCounter(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return Failed(1, "file", "A JSON product file must be an array of products: [{\"sku\": ..., \"name\": ...}].");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = lines.LineAt(reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return Failed(line, "file", "Each element of the array must be a product object.");
                }

                try
                {
                    var product = JsonSerializer.Deserialize<ProductDto>(ref reader, Json)!;
                    products.Add(new ParsedProduct(line, product));
                }
                catch (JsonException e)
                {
                    // A wrong type (e.g. a price written as text) names the member; the line is the element's.
                    var field = e.Path is { Length: > 2 } path ? ValidationErrors.FieldName(path.TrimStart('$', '.')) : "file";
                    return Failed(line, field, "This value has the wrong type or is not valid JSON.");
                }
            }
        }
        catch (JsonException e)
        {
            return Failed((int)(e.LineNumber ?? 0) + 1, "file", "The file is not valid JSON: " + e.Message.Split(" Path:")[0]);
        }

        return new ParsedProductFile(products, []);
    }

    private static ParsedProductFile ParseCsv(string text)
    {
        var records = ReadCsvRecords(text, out var syntaxError);
        if (syntaxError is not null)
        {
            return new ParsedProductFile([], [syntaxError]);
        }

        if (records.Count == 0)
        {
            return Failed(1, "file", "The file is empty.");
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var unknown = header.Where(h => !CsvColumns.Contains(h)).ToList();
        var missing = new[] { "sku", "name", "price" }.Where(required => !header.Contains(required)).ToList();
        if (unknown.Count > 0 || missing.Count > 0 || header.Distinct().Count() != header.Count)
        {
            return Failed(records[0].Line, "header",
                $"The header must name the columns {string.Join(",", CsvColumns)} (sku, name and price are required; each column once).");
        }

        var products = new List<ParsedProduct>();
        var errors = new List<ImportError>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (record.Fields.Count != header.Count)
            {
                errors.Add(new ImportError(record.Line, "line", $"Expected {header.Count} columns, found {record.Fields.Count}."));
                continue;
            }

            string? Column(string name) => header.IndexOf(name) is var i and >= 0 && !string.IsNullOrWhiteSpace(record.Fields[i]) ? record.Fields[i].Trim() : null;

            decimal? price = null;
            if (Column("price") is { } priceText)
            {
                if (decimal.TryParse(priceText, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
                {
                    price = parsed;
                }
                else
                {
                    errors.Add(new ImportError(record.Line, "price", $"'{Shorten(priceText)}' is not a number; write prices like 129.99."));
                    continue;
                }
            }

            var attributes = ParseAttributes(Column("attributes"), record.Line, errors);
            var variants = ParseVariants(Column("variants"), record.Line, errors);
            if (attributes is null || variants is null)
            {
                continue;
            }

            products.Add(new ParsedProduct(record.Line, new ProductDto
            {
                Sku = Column("sku"),
                Name = Column("name"),
                Description = Column("description"),
                Price = price,
                Url = Column("url"),
                Attributes = attributes,
                Variants = variants,
            }));
        }

        return new ParsedProductFile(products, errors);
    }

    private static Dictionary<string, string>? ParseAttributes(string? text, int line, List<ImportError> errors)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                errors.Add(new ImportError(line, "attributes", $"'{Shorten(pair)}' is not key=value; write attributes like material=nylon;weight=450 g."));
                return null;
            }

            var key = pair[..equals].Trim();
            if (!attributes.TryAdd(key, pair[(equals + 1)..].Trim()))
            {
                errors.Add(new ImportError(line, "attributes", $"The attribute '{Shorten(key)}' appears twice."));
                return null;
            }
        }

        return attributes;
    }

    private static List<VariantDto>? ParseVariants(string? text, int line, List<ImportError> errors)
    {
        var variants = new List<VariantDto>();
        foreach (var item in (text ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = item.LastIndexOf(':');
            var name = colon < 0 ? item : item[..colon].Trim();
            var stock = colon < 0 ? "in" : item[(colon + 1)..].Trim().ToLowerInvariant();
            bool? inStock = stock switch
            {
                "in" or "yes" or "true" or "1" or "in stock" => true,
                "out" or "no" or "false" or "0" or "out of stock" => false,
                _ => null,
            };
            if (inStock is null || name.Length == 0)
            {
                errors.Add(new ImportError(line, "variants", $"'{Shorten(item)}' is not name:in or name:out; write variants like S:in|M:out."));
                return null;
            }

            variants.Add(new VariantDto { Name = name, InStock = inStock });
        }

        return variants;
    }

    private sealed record CsvRecord(int Line, List<string> Fields);

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; each record keeps its first line.</summary>
    private static List<CsvRecord> ReadCsvRecords(string text, out ImportError? error)
    {
        error = null;
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var quotedFieldStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    quotedFieldStart = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(new CsvRecord(recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            error = new ImportError(quotedFieldStart, "line", "A quoted value is never closed (missing \").");
            return records;
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRecord(recordLine, fields));
        }

        return records;
    }

    /// <summary>Line numbers of increasing offsets, counted once through the file rather than from the start each time.</summary>
    private sealed class LineCounter(byte[] bytes)
    {
        private long _offset;
        private int _line = 1;

        public int LineAt(long offset)
        {
            for (; _offset < offset && _offset < bytes.Length; _offset++)
            {
                if (bytes[_offset] == (byte)'\n')
                {
                    _line++;
                }
            }

            return _line;
        }
    }

    private static ParsedProductFile Failed(int line, string field, string message) => new([], [new ImportError(line, field, message)]);

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
