using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upsellic.Assistant.EntityFrameworkCore;
using Upsellic.Framework.Data;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Saas;

namespace Upsellic.Assistant.Data;

/// <summary>The part of configuration section Demo this module reads (the SaaS module creates the demo tenant).</summary>
public sealed class DemoKnowledgeOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    public string StoreName { get; set; } = "Northwind Outfitters";
}

/// <summary>
/// Fills the demo store (created by the SaaS seeder, which runs first) with a realistic outdoor-apparel catalogue,
/// policies, FAQ and orders, once: a store that already has knowledge is left as the merchant made it.
/// </summary>
public sealed class DemoStoreKnowledgeSeedContributor(
    IOptions<DemoKnowledgeOptions> options,
    ITenantLookupService tenants,
    ICurrentTenant currentTenant,
    AssistantDbContext db,
    IKnowledgeAppService knowledge,
    TimeProvider clock,
    ILogger<DemoStoreKnowledgeSeedContributor> logger) : IDataSeedContributor
{
    public const string ResourceName = "Upsellic.Assistant.Data.demo-store.json";

    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var tenantId = await tenants.FindIdByNameAsync(options.Value.StoreName, cancellationToken);
        if (tenantId is null)
        {
            logger.LogWarning("The demo store {Store} does not exist; its knowledge is not seeded", options.Value.StoreName);
            return;
        }

        using (currentTenant.Change(tenantId))
        {
            if (await db.StoreProfiles.AnyAsync(cancellationToken) || await db.Products.AnyAsync(cancellationToken)
                || await db.Policies.AnyAsync(cancellationToken) || await db.Faq.AnyAsync(cancellationToken))
            {
                return;
            }

            var counts = await knowledge.ReplaceAsync(WithRecentDates(LoadDocument(), clock.GetUtcNow()), cancellationToken);
            logger.LogInformation("Seeded the demo store's knowledge: {Products} products, {Orders} orders", counts.Products, counts.Orders);
        }
    }

    public static KnowledgeDocument LoadDocument()
    {
        using var stream = typeof(DemoStoreKnowledgeSeedContributor).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        return JsonSerializer.Deserialize<KnowledgeDocument>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("The demo store document is empty.");
    }

    /// <summary>Moves the orders' dates so the newest was placed two days ago: the demo's orders always look current.</summary>
    private static KnowledgeDocument WithRecentDates(KnowledgeDocument document, DateTimeOffset now)
    {
        var orders = document.Orders ?? [];
        var newest = orders.Max(o => o.PlacedAt);
        if (newest is null)
        {
            return document;
        }

        var shift = now.Date.AddDays(-2) - newest.Value.UtcDateTime.Date;
        return document with
        {
            Orders = orders.Select(o => o with { PlacedAt = o.PlacedAt + shift, EstimatedDelivery = o.EstimatedDelivery + shift }).ToList(),
        };
    }
}
