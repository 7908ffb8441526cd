namespace Upsellic.Assistant;

// The knowledge document of API.md. Every member is nullable so that a missing field reaches validation and is
// reported by name instead of failing deserialisation with one unspecific message.

public sealed record KnowledgeDocument
{
    public StoreProfileDto? Store { get; init; }

    public IReadOnlyList<PolicyDto>? Policies { get; init; }

    public IReadOnlyList<FaqDto>? Faq { get; init; }

    public IReadOnlyList<ProductDto>? Products { get; init; }

    public IReadOnlyList<OrderDto>? Orders { get; init; }
}

public sealed record StoreProfileDto
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>ISO 4217 code, e.g. USD.</summary>
    public string? Currency { get; init; }
}

public sealed record PolicyDto
{
    /// <summary>e.g. shipping, returns, payment, warranty, privacy.</summary>
    public string? Topic { get; init; }

    public string? Text { get; init; }
}

public sealed record FaqDto
{
    public string? Question { get; init; }

    public string? Answer { get; init; }
}

public sealed record ProductDto
{
    public string? Sku { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public decimal? Price { get; init; }

    public string? Url { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public IReadOnlyList<VariantDto>? Variants { get; init; }
}

public sealed record VariantDto
{
    public string? Name { get; init; }

    public bool? InStock { get; init; }
}

public sealed record OrderDto
{
    public string? Number { get; init; }

    public string? Email { get; init; }

    /// <summary>
    /// The store's own wording: one of <see cref="OrderStatuses.All"/> or a known synonym ("In transit", "canceled") is
    /// stored in its canonical spelling, any other wording ("Ready for pickup") as written.
    /// </summary>
    public string? Status { get; init; }

    public string? Carrier { get; init; }

    public string? TrackingNumber { get; init; }

    public IReadOnlyList<OrderItemDto>? Items { get; init; }

    public DateTimeOffset? PlacedAt { get; init; }

    public DateTimeOffset? EstimatedDelivery { get; init; }
}

public sealed record OrderItemDto
{
    public string? Sku { get; init; }

    public string? Name { get; init; }

    public int? Quantity { get; init; }
}

public static class OrderStatuses
{
    public const string Pending = "Pending";
    public const string Processing = "Processing";
    public const string Shipped = "Shipped";

    /// <summary>On the van today: shops report it apart from "Shipped", and shoppers ask for exactly that.</summary>
    public const string OutForDelivery = "Out for delivery";
    public const string Delayed = "Delayed";
    public const string Delivered = "Delivered";
    public const string Cancelled = "Cancelled";
    public const string Returned = "Returned";

    public static readonly IReadOnlyList<string> All = [Pending, Processing, Shipped, OutForDelivery, Delayed, Delivered, Cancelled, Returned];

    /// <summary>The canonical spelling of a status, or null when it is not one of <see cref="All"/> or a known synonym.</summary>
    public static string? Normalize(string? status) =>
        status is null ? null
        : All.FirstOrDefault(s => string.Equals(s, status.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? Synonyms.GetValueOrDefault(status.Trim());

    /// <summary>The canonical status when it is a known one, otherwise the store's own wording, trimmed.</summary>
    public static string Canonical(string status) => Normalize(status) ?? status.Trim();

    /// <summary>The words other shop systems use for the same states (Shopify, WooCommerce, carriers' feeds).</summary>
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["canceled"] = Cancelled,
        ["placed"] = Pending,
        ["received"] = Pending,
        ["awaiting payment"] = Pending,
        ["confirmed"] = Processing,
        ["paid"] = Processing,
        ["unfulfilled"] = Processing,
        ["preparing"] = Processing,
        ["packing"] = Processing,
        ["awaiting shipment"] = Processing,
        ["awaiting fulfillment"] = Processing,
        ["dispatched"] = Shipped,
        ["sent"] = Shipped,
        ["fulfilled"] = Shipped,
        ["in transit"] = Shipped,
        ["on its way"] = Shipped,
        ["out-for-delivery"] = OutForDelivery,
    };
}

/// <summary>The answer of PUT /api/knowledge: how many of each kind the tenant now has.</summary>
public sealed record KnowledgeCounts(int Policies, int Faq, int Products, int Orders);

public sealed record ImportError(int Line, string Field, string Message);

/// <summary>The answer of a product import: with any error, <see cref="Imported"/> is 0 and nothing was stored.</summary>
public sealed record ProductImportResult(int Imported, IReadOnlyList<ImportError> Errors);

public sealed record KnowledgeOverview(StoreProfileDto? Store, KnowledgeCounts Counts, IReadOnlyList<PolicyDto> Policies, IReadOnlyList<FaqDto> Faq);

public sealed record ProductPage(IReadOnlyList<ProductDto> Items, int Total);

/// <summary>Store knowledge: what the assistant answers from. Every call works on the current tenant only.</summary>
public interface IKnowledgeAppService
{
    Task<KnowledgeDocument> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the tenant's whole knowledge with <paramref name="document"/>; nothing changes when it is invalid.</summary>
    Task<KnowledgeCounts> ReplaceAsync(KnowledgeDocument document, CancellationToken cancellationToken = default);

    /// <summary>Adds the order, or replaces the one with the same number.</summary>
    Task<OrderDto> UpsertOrderAsync(OrderDto order, CancellationToken cancellationToken = default);

    /// <summary>Imports products (upsert by SKU) from a JSON array or a CSV file; all or nothing.</summary>
    Task<ProductImportResult> ImportProductsAsync(Stream file, string fileName, CancellationToken cancellationToken = default);

    Task<KnowledgeOverview> GetOverviewAsync(CancellationToken cancellationToken = default);

    Task SaveStoreProfileAsync(StoreProfileDto store, CancellationToken cancellationToken = default);

    /// <summary>Replaces the policies and FAQ (the dashboard edits them together).</summary>
    Task SavePoliciesAndFaqAsync(IReadOnlyList<PolicyDto> policies, IReadOnlyList<FaqDto> faq, CancellationToken cancellationToken = default);

    Task<ProductPage> SearchProductsAsync(string? search, int skip, int take, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OrderDto>> GetOrdersAsync(string? status, CancellationToken cancellationToken = default);
}

public static class AssistantErrorCodes
{
    public const string NoTenant = "Assistant:NoTenant";
    public const string ImportFileMissing = "Assistant:ImportFileMissing";
    public const string ImportFileTooLarge = "Assistant:ImportFileTooLarge";
}
