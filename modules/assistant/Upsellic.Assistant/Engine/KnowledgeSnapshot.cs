namespace Upsellic.Assistant.Engine;

public sealed record SnapshotPolicy(string Topic, string Text);

public sealed record SnapshotFaq(string Question, string Answer);

public sealed record SnapshotVariant(string Name, bool InStock);

public sealed record SnapshotProduct(
    string Sku,
    string Name,
    string Description,
    decimal Price,
    string? Url,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<SnapshotVariant> Variants);

public sealed record SnapshotOrderItem(string Sku, string Name, int Quantity);

public sealed record SnapshotOrder(
    string Number,
    string Email,
    string Status,
    string? Carrier,
    string? TrackingNumber,
    IReadOnlyList<SnapshotOrderItem> Items,
    DateTimeOffset PlacedAt,
    DateTimeOffset? EstimatedDelivery);

/// <summary>
/// One tenant's knowledge, in memory and immutable: what the engines answer from. Its search index is built on first
/// use and lives as long as the snapshot (which is cached per tenant), so a reply never rebuilds it.
/// </summary>
public sealed class KnowledgeSnapshot
{
    private readonly Lazy<KnowledgeIndex> _index;

    public KnowledgeSnapshot(string storeName, string storeDescription, string currency, IReadOnlyList<SnapshotPolicy> policies,
        IReadOnlyList<SnapshotFaq> faq, IReadOnlyList<SnapshotProduct> products, IReadOnlyList<SnapshotOrder> orders)
    {
        StoreName = storeName;
        StoreDescription = storeDescription;
        Currency = currency;
        Policies = policies;
        Faq = faq;
        Products = products;
        Orders = orders;
        _index = new Lazy<KnowledgeIndex>(() => new KnowledgeIndex(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static KnowledgeSnapshot Empty { get; } = new("our store", string.Empty, "USD", [], [], [], []);

    public string StoreName { get; }

    public string StoreDescription { get; }

    public string Currency { get; }

    public IReadOnlyList<SnapshotPolicy> Policies { get; }

    public IReadOnlyList<SnapshotFaq> Faq { get; }

    public IReadOnlyList<SnapshotProduct> Products { get; }

    public IReadOnlyList<SnapshotOrder> Orders { get; }

    internal KnowledgeIndex Index => _index.Value;

    /// <summary>A snapshot of a (validated) knowledge document; missing parts are empty.</summary>
    public static KnowledgeSnapshot FromDocument(KnowledgeDocument document) => new(
        document.Store?.Name ?? "our store",
        document.Store?.Description ?? string.Empty,
        document.Store?.Currency ?? "USD",
        (document.Policies ?? []).Select(p => new SnapshotPolicy(p.Topic ?? string.Empty, p.Text ?? string.Empty)).ToList(),
        (document.Faq ?? []).Select(f => new SnapshotFaq(f.Question ?? string.Empty, f.Answer ?? string.Empty)).ToList(),
        (document.Products ?? []).Select(p => new SnapshotProduct(p.Sku ?? string.Empty, p.Name ?? string.Empty, p.Description ?? string.Empty,
            p.Price ?? 0m, p.Url, p.Attributes ?? new Dictionary<string, string>(),
            (p.Variants ?? []).Select(v => new SnapshotVariant(v.Name ?? string.Empty, v.InStock ?? false)).ToList())).ToList(),
        (document.Orders ?? []).Select(o => new SnapshotOrder(o.Number ?? string.Empty, o.Email ?? string.Empty,
            string.IsNullOrWhiteSpace(o.Status) ? OrderStatuses.Processing : OrderStatuses.Canonical(o.Status), o.Carrier, o.TrackingNumber,
            (o.Items ?? []).Select(i => new SnapshotOrderItem(i.Sku ?? string.Empty, i.Name ?? string.Empty, i.Quantity ?? 1)).ToList(),
            o.PlacedAt ?? DateTimeOffset.MinValue, o.EstimatedDelivery)).ToList());
}
