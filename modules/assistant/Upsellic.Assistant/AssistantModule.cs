using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upsellic.Assistant.Application;
using Upsellic.Assistant.Data;
using Upsellic.Assistant.Engine;
using Upsellic.Assistant.EntityFrameworkCore;
using Upsellic.Assistant.HttpApi;
using Upsellic.Assistant.Llm;
using Upsellic.Framework;
using Upsellic.Framework.Data;
using Upsellic.Framework.EntityFrameworkCore;
using Upsellic.Framework.Modularity;

namespace Upsellic.Assistant;

/// <summary>Store knowledge (API, import, demo data) and the shopper assistant that answers from it.</summary>
[DependsOn(typeof(UpsellicFrameworkModule))]
public sealed class AssistantModule : UpsellicModule
{
    private const string LlmHttpClient = "Upsellic.Assistant.Llm";

    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddUpsellicDbContext<AssistantDbContext>(context.Configuration, AssistantDbProperties.Schema);
        services.AddMigrationsAtStart<AssistantDbContext>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddScoped<IKnowledgeAppService, KnowledgeAppService>();
        services.AddSingleton<KnowledgeSnapshotCache>();
        services.AddScoped<KnowledgeSnapshotProvider>();
        services.AddScoped<IKnowledgeSnapshotSource>(sp => sp.GetRequiredService<KnowledgeSnapshotProvider>());
        services.AddSingleton<BuiltInAssistantEngine>();

        services.AddOptions<AssistantLlmOptions>().Bind(context.Configuration.GetSection(AssistantLlmOptions.Section));
        services.AddHttpClient(LlmHttpClient);
        services.AddScoped<IShopperAssistant>(sp =>
        {
            var llm = sp.GetRequiredService<IOptions<AssistantLlmOptions>>().Value;
            var source = sp.GetRequiredService<IKnowledgeSnapshotSource>();
            var builtIn = sp.GetRequiredService<BuiltInAssistantEngine>();
            return llm.IsConfigured
                ? new ShopperAssistant(source, builtIn, new LlmAssistantEngine(llm,
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(LlmHttpClient),
                    sp.GetRequiredService<ILogger<LlmAssistantEngine>>()))
                : new ShopperAssistant(source, builtIn);
        });

        services.AddOptions<DemoKnowledgeOptions>().Bind(context.Configuration.GetSection(DemoKnowledgeOptions.Section));
        services.AddScoped<IDataSeedContributor, DemoStoreKnowledgeSeedContributor>();
    }

    public override void OnApplicationInitialization(ApplicationInitializationContext context) =>
        context.App.MapKnowledgeEndpoints();
}
