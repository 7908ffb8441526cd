using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Upsellic.Assistant.Domain;
using Upsellic.Assistant.Engine;
using Upsellic.Assistant.EntityFrameworkCore;
using Upsellic.Framework.Domain;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Assistant.Application;

public sealed class KnowledgeAppService(
    AssistantDbContext db,
    ICurrentTenant currentTenant,
    KnowledgeSnapshotCache snapshots,
    ILogger<KnowledgeAppService> logger) : IKnowledgeAppService
{
    private const int MaxPageSize = 200;

    public async Task<KnowledgeDocument> GetAsync(CancellationToken cancellationToken = default)
    {
        RequireTenant();
        var store = await db.StoreProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return new KnowledgeDocument
        {
            Store = store?.ToDto(),
            Policies = await db.Policies.AsNoTracking().OrderBy(p => p.Position).Select(p => p.ToDto()).ToListAsync(cancellationToken),
            Faq = await db.Faq.AsNoTracking().OrderBy(f => f.Position).Select(f => f.ToDto()).ToListAsync(cancellationToken),
            Products = (await db.Products.AsNoTracking().OrderBy(p => p.Sku).ToListAsync(cancellationToken)).Select(p => p.ToDto()).ToList(),
            Orders = (await db.Orders.AsNoTracking().OrderByDescending(o => o.PlacedAt).ToListAsync(cancellationToken)).Select(o => o.ToDto()).ToList(),
        };
    }

    public async Task<KnowledgeCounts> ReplaceAsync(KnowledgeDocument document, CancellationToken cancellationToken = default)
    {
        var tenantId = RequireTenant();
        await new KnowledgeDocumentValidator().ValidateAndThrowFieldsAsync(document, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The query filter limits each bulk delete to the current tenant's rows.
        await db.Policies.ExecuteDeleteAsync(cancellationToken);
        await db.Faq.ExecuteDeleteAsync(cancellationToken);
        await db.Products.ExecuteDeleteAsync(cancellationToken);
        await db.Orders.ExecuteDeleteAsync(cancellationToken);

        var store = await db.StoreProfiles.SingleOrDefaultAsync(cancellationToken);
        var profile = document.Store!;
        if (store is null)
        {
            db.StoreProfiles.Add(StoreProfile.Create(profile.Name!, profile.Description, profile.Currency!));
        }
        else
        {
            store.Update(profile.Name!, profile.Description, profile.Currency!);
        }

        var policies = document.Policies ?? [];
        var faq = document.Faq ?? [];
        var products = document.Products ?? [];
        var orders = document.Orders ?? [];
        db.Policies.AddRange(policies.Select((p, i) => Policy.Create(i, p.Topic!, p.Text!)));
        db.Faq.AddRange(faq.Select((f, i) => FaqEntry.Create(i, f.Question!, f.Answer!)));
        db.Products.AddRange(products.Select(p => Product.Create(p.Sku!).Apply(p)));
        db.Orders.AddRange(orders.Select(o => Order.Create(o.Number!).Apply(o)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        snapshots.Invalidate(tenantId);
        logger.LogInformation("Replaced the knowledge of tenant {TenantId}: {Policies} policies, {Faq} FAQ, {Products} products, {Orders} orders",
            tenantId, policies.Count, faq.Count, products.Count, orders.Count);
        return new KnowledgeCounts(policies.Count, faq.Count, products.Count, orders.Count);
    }

    public async Task<OrderDto> UpsertOrderAsync(OrderDto order, CancellationToken cancellationToken = default)
    {
        var tenantId = RequireTenant();
        await new OrderValidator().ValidateAndThrowFieldsAsync(order, cancellationToken);
        var number = order.Number!.Trim();
        var existing = await db.Orders.SingleOrDefaultAsync(o => o.Number == number, cancellationToken);
        if (existing is null)
        {
            if (await db.Orders.CountAsync(cancellationToken) >= KnowledgeLimits.MaxOrders)
            {
                throw InputValidationException.For("number", $"The store already has the maximum of {KnowledgeLimits.MaxOrders} orders.");
            }

            existing = Order.Create(number);
            db.Orders.Add(existing);
        }

        existing.Apply(order);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two pushes of the same new order raced; the other one stored it, so this one becomes an update.
            db.ChangeTracker.Clear();
            existing = await db.Orders.SingleAsync(o => o.Number == number, cancellationToken);
            existing.Apply(order);
            await db.SaveChangesAsync(cancellationToken);
        }

        snapshots.Invalidate(tenantId);
        return existing.ToDto();
    }

    public async Task<ProductImportResult> ImportProductsAsync(Stream file, string fileName, CancellationToken cancellationToken = default)
    {
        var tenantId = RequireTenant();
        string text;
        try
        {
            using var reader = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true));
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return new ProductImportResult(0, [new ImportError(1, "file", "The file is not UTF-8 text.")]);
        }

        var parsed = ProductFileParser.Parse(text, fileName);
        var errors = parsed.Errors.ToList();
        var validator = new ProductValidator();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, product) in parsed.Products)
        {
            var result = await validator.ValidateAsync(product, cancellationToken);
            errors.AddRange(result.Errors.Select(f => new ImportError(line, ValidationErrors.FieldName(f.PropertyName), f.ErrorMessage)));
            if (!string.IsNullOrWhiteSpace(product.Sku) && !seen.TryAdd(product.Sku.Trim(), line))
            {
                errors.Add(new ImportError(line, "sku", $"The SKU '{product.Sku.Trim()}' is already on line {seen[product.Sku.Trim()]}."));
            }
        }

        if (errors.Count == 0 && parsed.Products.Count == 0)
        {
            errors.Add(new ImportError(1, "file", "The file holds no products."));
        }

        if (errors.Count > 0)
        {
            return new ProductImportResult(0, [.. errors.OrderBy(e => e.Line).Take(200)]);
        }

        // Products already in the store with an imported SKU are updated; the others are added.
        var skus = seen.Keys.ToList();
        var existing = (await db.Products.Where(p => skus.Contains(p.Sku)).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Sku, StringComparer.OrdinalIgnoreCase);
        var total = await db.Products.CountAsync(cancellationToken) + parsed.Products.Count(p => !existing.ContainsKey(p.Product.Sku!.Trim()));
        if (total > KnowledgeLimits.MaxProducts)
        {
            return new ProductImportResult(0, [new ImportError(1, "file", $"A store may have at most {KnowledgeLimits.MaxProducts} products; this import would make {total}.")]);
        }

        foreach (var (_, dto) in parsed.Products)
        {
            if (!existing.TryGetValue(dto.Sku!.Trim(), out var product))
            {
                product = Product.Create(dto.Sku);
                db.Products.Add(product);
            }

            product.Apply(dto);
        }

        await db.SaveChangesAsync(cancellationToken);
        snapshots.Invalidate(tenantId);
        logger.LogInformation("Imported {Count} products for tenant {TenantId} from {FileName}", parsed.Products.Count, tenantId, fileName);
        return new ProductImportResult(parsed.Products.Count, []);
    }

    public async Task<KnowledgeOverview> GetOverviewAsync(CancellationToken cancellationToken = default)
    {
        RequireTenant();
        var store = await db.StoreProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var policies = await db.Policies.AsNoTracking().OrderBy(p => p.Position).Select(p => p.ToDto()).ToListAsync(cancellationToken);
        var faq = await db.Faq.AsNoTracking().OrderBy(f => f.Position).Select(f => f.ToDto()).ToListAsync(cancellationToken);
        var counts = new KnowledgeCounts(policies.Count, faq.Count,
            await db.Products.CountAsync(cancellationToken), await db.Orders.CountAsync(cancellationToken));
        return new KnowledgeOverview(store?.ToDto(), counts, policies, faq);
    }

    public async Task SaveStoreProfileAsync(StoreProfileDto store, CancellationToken cancellationToken = default)
    {
        var tenantId = RequireTenant();
        await new StoreProfileValidator().ValidateAndThrowFieldsAsync(store, cancellationToken);
        var profile = await db.StoreProfiles.SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            db.StoreProfiles.Add(StoreProfile.Create(store.Name!, store.Description, store.Currency!));
        }
        else
        {
            profile.Update(store.Name!, store.Description, store.Currency!);
        }

        await db.SaveChangesAsync(cancellationToken);
        snapshots.Invalidate(tenantId);
    }

    public async Task SavePoliciesAndFaqAsync(IReadOnlyList<PolicyDto> policies, IReadOnlyList<FaqDto> faq, CancellationToken cancellationToken = default)
    {
        var tenantId = RequireTenant();
        var validator = new InlineValidator<(IReadOnlyList<PolicyDto> Policies, IReadOnlyList<FaqDto> Faq)>();
        validator.RuleFor(x => x.Policies).Must(p => p.Count <= KnowledgeLimits.MaxPolicies).WithMessage($"At most {KnowledgeLimits.MaxPolicies} policies.")
            .OverridePropertyName("policies");
        validator.RuleForEach(x => x.Policies).SetValidator(new PolicyValidator()).OverridePropertyName("policies");
        validator.RuleFor(x => x.Faq).Must(f => f.Count <= KnowledgeLimits.MaxFaq).WithMessage($"At most {KnowledgeLimits.MaxFaq} FAQ entries.")
            .OverridePropertyName("faq");
        validator.RuleForEach(x => x.Faq).SetValidator(new FaqValidator()).OverridePropertyName("faq");
        await validator.ValidateAndThrowFieldsAsync((policies, faq), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Policies.ExecuteDeleteAsync(cancellationToken);
        await db.Faq.ExecuteDeleteAsync(cancellationToken);
        db.Policies.AddRange(policies.Select((p, i) => Policy.Create(i, p.Topic!, p.Text!)));
        db.Faq.AddRange(faq.Select((f, i) => FaqEntry.Create(i, f.Question!, f.Answer!)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        snapshots.Invalidate(tenantId);
    }

    public async Task<ProductPage> SearchProductsAsync(string? search, int skip, int take, CancellationToken cancellationToken = default)
    {
        RequireTenant();
        var query = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + EscapeLike(search.Trim()) + "%";
            query = query.Where(p => EF.Functions.ILike(p.Name, pattern, "\\") || EF.Functions.ILike(p.Sku, pattern, "\\")
                || EF.Functions.ILike(p.Description, pattern, "\\"));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(p => p.Name).ThenBy(p => p.Sku)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)).ToListAsync(cancellationToken);
        return new ProductPage(items.Select(p => p.ToDto()).ToList(), total);
    }

    public async Task<IReadOnlyList<OrderDto>> GetOrdersAsync(string? status, CancellationToken cancellationToken = default)
    {
        RequireTenant();
        var query = db.Orders.AsNoTracking();
        // Stored as the canonical status when it is a known one, otherwise in the store's own words (see OrderStatuses).
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = OrderStatuses.Canonical(status);
            query = query.Where(o => o.Status == wanted);
        }

        var orders = await query.OrderByDescending(o => o.PlacedAt).Take(500).ToListAsync(cancellationToken);
        return orders.Select(o => o.ToDto()).ToList();
    }

    private Guid RequireTenant() => currentTenant.Id
        ?? throw new BusinessException(AssistantErrorCodes.NoTenant, "Store knowledge belongs to a store: sign in as a member of one.", 403);

    private static string EscapeLike(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

/// <summary>Hand-written mappings between the knowledge DTOs and the entities.</summary>
internal static class KnowledgeMappings
{
    public static StoreProfileDto ToDto(this StoreProfile store) => new() { Name = store.Name, Description = store.Description, Currency = store.Currency };

    public static PolicyDto ToDto(this Policy policy) => new() { Topic = policy.Topic, Text = policy.Text };

    public static FaqDto ToDto(this FaqEntry faq) => new() { Question = faq.Question, Answer = faq.Answer };

    public static ProductDto ToDto(this Product product) => new()
    {
        Sku = product.Sku,
        Name = product.Name,
        Description = product.Description,
        Price = product.Price,
        Url = product.Url,
        Attributes = product.Attributes,
        Variants = product.Variants.Select(v => new VariantDto { Name = v.Name, InStock = v.InStock }).ToList(),
    };

    public static OrderDto ToDto(this Order order) => new()
    {
        Number = order.Number,
        Email = order.Email,
        Status = order.Status,
        Carrier = order.Carrier,
        TrackingNumber = order.TrackingNumber,
        Items = order.Items.Select(i => new OrderItemDto { Sku = i.Sku, Name = i.Name, Quantity = i.Quantity }).ToList(),
        PlacedAt = order.PlacedAt,
        EstimatedDelivery = order.EstimatedDelivery,
    };

    /// <summary>Copies a validated DTO onto the product.</summary>
    public static Product Apply(this Product product, ProductDto dto) => product.Update(dto.Name!, dto.Description, dto.Price!.Value, dto.Url,
        dto.Attributes ?? new Dictionary<string, string>(),
        (dto.Variants ?? []).Select(v => new ProductVariant(v.Name!, v.InStock!.Value)));

    /// <summary>Copies a validated DTO onto the order.</summary>
    public static Order Apply(this Order order, OrderDto dto) => order.Update(dto.Email!, OrderStatuses.Canonical(dto.Status!),
        dto.Carrier, dto.TrackingNumber,
        dto.Items!.Select(i => new OrderItem(i.Sku?.Trim() ?? string.Empty, i.Name!.Trim(), i.Quantity!.Value)),
        dto.PlacedAt!.Value, dto.EstimatedDelivery);
}
