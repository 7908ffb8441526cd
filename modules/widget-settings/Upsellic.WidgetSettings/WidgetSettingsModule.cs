using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Upsellic.Framework;
using Upsellic.Framework.Data;
using Upsellic.Framework.EntityFrameworkCore;
using Upsellic.Framework.Modularity;
using Upsellic.Framework.MultiTenancy;
using Upsellic.WidgetSettings.Application;
using Upsellic.WidgetSettings.EntityFrameworkCore;
using Upsellic.WidgetSettings.HttpApi;
using Upsellic.WidgetSettings.MultiTenancy;

namespace Upsellic.WidgetSettings;

[DependsOn(typeof(UpsellicFrameworkModule))]
public sealed class WidgetSettingsModule : UpsellicModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddUpsellicDbContext<WidgetSettingsDbContext>(context.Configuration, WidgetSettingsDbProperties.Schema);
        services.AddMigrationsAtStart<WidgetSettingsDbContext>();
        services.AddMemoryCache();
        services.AddScoped<WidgetSettingsAppService>();
        services.AddScoped<IWidgetSettingsAppService>(sp => sp.GetRequiredService<WidgetSettingsAppService>());
        services.AddScoped<IWidgetSettingsIntegrationService>(sp => sp.GetRequiredService<WidgetSettingsAppService>());
        services.AddSingleton<ITenantResolveContributor, WidgetKeyTenantResolveContributor>();
        services.AddCors(options => options.AddPolicy(WidgetCors.PolicyName, new CorsPolicyBuilder()
            .SetIsOriginAllowed(_ => true)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .AllowCredentials()
            .SetPreflightMaxAge(TimeSpan.FromHours(1))
            .Build()));
    }

    public override void OnApplicationInitialization(ApplicationInitializationContext context) =>
        context.App.MapWidgetSettingsEndpoints();
}
