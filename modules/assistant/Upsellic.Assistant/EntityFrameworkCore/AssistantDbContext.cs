using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upsellic.Assistant.Domain;
using Upsellic.Framework.Data;
using Upsellic.Framework.EntityFrameworkCore;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Assistant.EntityFrameworkCore;

public static class AssistantDbProperties
{
    public const string Schema = "assistant";
}

/// <summary>The store knowledge of every tenant; each row is filtered by the current tenant.</summary>
public sealed class AssistantDbContext(DbContextOptions<AssistantDbContext> options, ICurrentTenant currentTenant, IDataFilter dataFilter)
    : UpsellicDbContext<AssistantDbContext>(options, currentTenant, dataFilter)
{
    public DbSet<StoreProfile> StoreProfiles => Set<StoreProfile>();

    public DbSet<Policy> Policies => Set<Policy>();

    public DbSet<FaqEntry> Faq => Set<FaqEntry>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Order> Orders => Set<Order>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.ConfigureAssistant();
}

public static class AssistantModelBuilderExtensions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void ConfigureAssistant(this ModelBuilder builder)
    {
        builder.HasDefaultSchema(AssistantDbProperties.Schema);

        builder.Entity<StoreProfile>(store =>
        {
            store.ToTable("StoreProfiles");
            store.Property(s => s.Id).ValueGeneratedNever();
            store.Property(s => s.Name).HasMaxLength(KnowledgeLimits.StoreNameLength).IsRequired();
            store.Property(s => s.Description).HasMaxLength(KnowledgeLimits.StoreDescriptionLength).IsRequired();
            store.Property(s => s.Currency).HasMaxLength(3).IsRequired();
            // One profile per store.
            store.HasIndex(s => s.TenantId).IsUnique().HasDatabaseName("IX_StoreProfiles_TenantId_Unique");
        });

        builder.Entity<Policy>(policy =>
        {
            policy.ToTable("Policies");
            policy.Property(p => p.Id).ValueGeneratedNever();
            policy.Property(p => p.Topic).HasMaxLength(KnowledgeLimits.PolicyTopicLength).IsRequired();
            policy.Property(p => p.Text).HasMaxLength(KnowledgeLimits.PolicyTextLength).IsRequired();
        });

        builder.Entity<FaqEntry>(faq =>
        {
            faq.ToTable("Faq");
            faq.Property(f => f.Id).ValueGeneratedNever();
            faq.Property(f => f.Question).HasMaxLength(KnowledgeLimits.FaqQuestionLength).IsRequired();
            faq.Property(f => f.Answer).HasMaxLength(KnowledgeLimits.FaqAnswerLength).IsRequired();
        });

        builder.Entity<Product>(product =>
        {
            product.ToTable("Products");
            product.Property(p => p.Id).ValueGeneratedNever();
            product.Property(p => p.Sku).HasMaxLength(KnowledgeLimits.SkuLength).IsRequired();
            product.Property(p => p.Name).HasMaxLength(KnowledgeLimits.ProductNameLength).IsRequired();
            product.Property(p => p.Description).HasMaxLength(KnowledgeLimits.ProductDescriptionLength).IsRequired();
            product.Property(p => p.Price).HasPrecision(12, 2);
            product.Property(p => p.Url).HasMaxLength(KnowledgeLimits.UrlLength);
            JsonColumn(product.Property(p => p.Attributes));
            JsonColumn(product.Property(p => p.Variants));
            product.HasIndex(p => new { p.TenantId, p.Sku }).IsUnique();
        });

        builder.Entity<Order>(order =>
        {
            order.ToTable("Orders");
            order.Property(o => o.Id).ValueGeneratedNever();
            order.Property(o => o.Number).HasMaxLength(KnowledgeLimits.OrderNumberLength).IsRequired();
            order.Property(o => o.Email).HasMaxLength(KnowledgeLimits.EmailLength).IsRequired();
            order.Property(o => o.Status).HasMaxLength(KnowledgeLimits.OrderStatusLength).IsRequired();
            order.Property(o => o.Carrier).HasMaxLength(KnowledgeLimits.CarrierLength);
            order.Property(o => o.TrackingNumber).HasMaxLength(KnowledgeLimits.TrackingNumberLength);
            JsonColumn(order.Property(o => o.Items));
            order.HasIndex(o => new { o.TenantId, o.Number }).IsUnique();
        });
    }

    /// <summary>
    /// Stores a small value collection as one jsonb document: it is always read and written whole with its row,
    /// never queried inside, so a child table would only add joins.
    /// </summary>
    private static void JsonColumn<T>(PropertyBuilder<T> property)
        where T : class
    {
        property.HasConversion(
                value => JsonSerializer.Serialize(value, Json),
                json => JsonSerializer.Deserialize<T>(json, Json)!,
                new ValueComparer<T>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    value => JsonSerializer.Serialize(value, Json).GetHashCode(StringComparison.Ordinal),
                    value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Json), Json)!))
            .HasColumnType("jsonb")
            .IsRequired();
    }
}
