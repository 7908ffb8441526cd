using Microsoft.Extensions.DependencyInjection;
using Upsellic.Framework;
using Upsellic.Framework.Modularity;
using Upsellic.HandoffIntelligence.HttpApi;
using Upsellic.HandoffIntelligence.Ml;

namespace Upsellic.HandoffIntelligence;

/// <summary>The handoff decision, the empathetic reply and the agent summary; no database of its own.</summary>
[DependsOn(typeof(UpsellicFrameworkModule))]
public sealed class HandoffIntelligenceModule : UpsellicModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        context.Services.AddHandoffIntelligence(context.Configuration);
        context.Services.AddHostedService<LocalModelWarmUp>();
    }

    public override void OnApplicationInitialization(ApplicationInitializationContext context) =>
        context.App.MapHandoffIntelligenceEndpoints();
}
