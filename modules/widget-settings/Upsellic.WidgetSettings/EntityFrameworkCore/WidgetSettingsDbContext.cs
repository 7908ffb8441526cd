using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Upsellic.Framework.Data;
using Upsellic.Framework.EntityFrameworkCore;
using Upsellic.Framework.MultiTenancy;
using Upsellic.WidgetSettings.Domain;

namespace Upsellic.WidgetSettings.EntityFrameworkCore;

public static class WidgetSettingsDbProperties
{
    public const string Schema = "widget";
}

public sealed class WidgetSettingsDbContext(DbContextOptions<WidgetSettingsDbContext> options, ICurrentTenant currentTenant, IDataFilter dataFilter)
    : UpsellicDbContext<WidgetSettingsDbContext>(options, currentTenant, dataFilter)
{
    public DbSet<WidgetConfiguration> Configurations => Set<WidgetConfiguration>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.ConfigureWidgetSettings();
}

public static class WidgetSettingsModelBuilderExtensions
{
    public static void ConfigureWidgetSettings(this ModelBuilder builder)
    {
        builder.HasDefaultSchema(WidgetSettingsDbProperties.Schema);
        builder.Entity<WidgetConfiguration>(widget =>
        {
            widget.ToTable("Configurations");
            widget.Property(w => w.Id).ValueGeneratedNever();
            widget.Property(w => w.WidgetKey).HasMaxLength(64).IsRequired();
            widget.HasIndex(w => w.WidgetKey).IsUnique();
            // One widget per store.
            widget.HasIndex(w => w.TenantId).IsUnique();
            widget.Property(w => w.AssistantName).HasMaxLength(WidgetRules.MaxAssistantNameLength).IsRequired();
            widget.Property(w => w.Greeting).HasMaxLength(WidgetRules.MaxGreetingLength).IsRequired();
            widget.Property(w => w.BrandColor).HasMaxLength(7).IsRequired();
            widget.Property(w => w.Position).HasConversion<string>().HasMaxLength(16);
            widget.Property<List<string>>("_allowedOrigins").HasColumnName("AllowedOrigins");
            widget.Ignore(w => w.AllowedOrigins);
            widget.OwnsMany<ContactChannel>("_channels", channels =>
            {
                channels.ToJson("Channels");
                channels.Property(c => c.Kind).HasConversion<string>();
            });
            widget.Ignore(w => w.Channels);
        });
    }
}

public sealed class WidgetSettingsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<WidgetSettingsDbContext>
{
    public WidgetSettingsDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<WidgetSettingsDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=upsellic_design", o => o.MigrationsHistoryTable("__EFMigrationsHistory", WidgetSettingsDbProperties.Schema))
            .Options,
        new CurrentTenant(),
        new DataFilter());
}
