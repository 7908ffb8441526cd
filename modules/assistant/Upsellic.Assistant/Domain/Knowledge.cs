using Upsellic.Framework.Domain;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Assistant.Domain;

/// <summary>Limits of the knowledge a store keeps: they bound what one request may store and what the engine scans.</summary>
public static class KnowledgeLimits
{
    public const int StoreNameLength = 200;
    public const int StoreDescriptionLength = 2000;
    public const int MaxPolicies = 50;
    public const int PolicyTopicLength = 100;
    public const int PolicyTextLength = 8000;
    public const int MaxFaq = 500;
    public const int FaqQuestionLength = 500;
    public const int FaqAnswerLength = 4000;
    public const int MaxProducts = 5000;
    public const int SkuLength = 64;
    public const int ProductNameLength = 200;
    public const int ProductDescriptionLength = 4000;
    public const int UrlLength = 2000;
    public const int MaxAttributes = 50;
    public const int AttributeKeyLength = 64;
    public const int AttributeValueLength = 500;
    public const int MaxVariants = 100;
    public const int VariantNameLength = 64;
    public const decimal MaxPrice = 1_000_000m;
    public const int MaxOrders = 10000;
    public const int OrderNumberLength = 64;
    public const int EmailLength = 256;
    public const int OrderStatusLength = 40;
    public const int CarrierLength = 100;
    public const int TrackingNumberLength = 100;
    public const int MaxOrderItems = 200;
    public const int MaxQuantity = 10000;
    public const long MaxImportBytes = 5 * 1024 * 1024;
}

/// <summary>The store's name, description and currency; one per tenant.</summary>
public sealed class StoreProfile : Entity<Guid>, IMultiTenant
{
    private StoreProfile()
    {
    }

    public Guid? TenantId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    public string Currency { get; private set; } = "USD";

    public static StoreProfile Create(string name, string? description, string currency) =>
        new StoreProfile { Id = Guid.CreateVersion7() }.Update(name, description, currency);

    public StoreProfile Update(string name, string? description, string currency)
    {
        Name = name.Trim();
        Description = description?.Trim() ?? string.Empty;
        Currency = currency.Trim().ToUpperInvariant();
        return this;
    }
}

public sealed class Policy : Entity<Guid>, IMultiTenant
{
    private Policy()
    {
    }

    public Guid? TenantId { get; private set; }

    /// <summary>Keeps the merchant's order when the policies are read back.</summary>
    public int Position { get; private set; }

    public string Topic { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public static Policy Create(int position, string topic, string text) =>
        new() { Id = Guid.CreateVersion7(), Position = position, Topic = topic.Trim(), Text = text.Trim() };
}

public sealed class FaqEntry : Entity<Guid>, IMultiTenant
{
    private FaqEntry()
    {
    }

    public Guid? TenantId { get; private set; }

    public int Position { get; private set; }

    public string Question { get; private set; } = string.Empty;

    public string Answer { get; private set; } = string.Empty;

    public static FaqEntry Create(int position, string question, string answer) =>
        new() { Id = Guid.CreateVersion7(), Position = position, Question = question.Trim(), Answer = answer.Trim() };
}

public sealed record ProductVariant(string Name, bool InStock);

public sealed class Product : Entity<Guid>, IMultiTenant
{
    private Product()
    {
    }

    public Guid? TenantId { get; private set; }

    /// <summary>Unique per tenant.</summary>
    public string Sku { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    public decimal Price { get; private set; }

    public string? Url { get; private set; }

    public Dictionary<string, string> Attributes { get; private set; } = [];

    public List<ProductVariant> Variants { get; private set; } = [];

    public static Product Create(string sku) => new() { Id = Guid.CreateVersion7(), Sku = sku.Trim() };

    public Product Update(string name, string? description, decimal price, string? url,
        IEnumerable<KeyValuePair<string, string>> attributes, IEnumerable<ProductVariant> variants)
    {
        Name = name.Trim();
        Description = description?.Trim() ?? string.Empty;
        Price = price;
        Url = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        // New collections, so that EF Core's change tracking sees the jsonb columns change.
        Attributes = attributes.ToDictionary(a => a.Key.Trim(), a => a.Value.Trim());
        Variants = [.. variants.Select(v => v with { Name = v.Name.Trim() })];
        return this;
    }
}

public sealed record OrderItem(string Sku, string Name, int Quantity);

public sealed class Order : Entity<Guid>, IMultiTenant
{
    private Order()
    {
    }

    public Guid? TenantId { get; private set; }

    /// <summary>Unique per tenant; compared case-insensitively by the assistant.</summary>
    public string Number { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public string Status { get; private set; } = OrderStatuses.Processing;

    public string? Carrier { get; private set; }

    public string? TrackingNumber { get; private set; }

    public List<OrderItem> Items { get; private set; } = [];

    public DateTimeOffset PlacedAt { get; private set; }

    public DateTimeOffset? EstimatedDelivery { get; private set; }

    public static Order Create(string number) => new() { Id = Guid.CreateVersion7(), Number = number.Trim() };

    public Order Update(string email, string status, string? carrier, string? trackingNumber, IEnumerable<OrderItem> items,
        DateTimeOffset placedAt, DateTimeOffset? estimatedDelivery)
    {
        Email = email.Trim();
        Status = status;
        Carrier = string.IsNullOrWhiteSpace(carrier) ? null : carrier.Trim();
        TrackingNumber = string.IsNullOrWhiteSpace(trackingNumber) ? null : trackingNumber.Trim();
        Items = [.. items];
        PlacedAt = placedAt.ToUniversalTime();
        EstimatedDelivery = estimatedDelivery?.ToUniversalTime();
        return this;
    }
}
