using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Upsellic.Framework.Modularity;

public static class ApplicationBuilderExtensions
{
    /// <summary>Creates the modules reachable from <typeparamref name="TStartupModule"/> and lets each configure services.</summary>
    public static WebApplicationBuilder AddApplication<TStartupModule>(this WebApplicationBuilder builder)
        where TStartupModule : UpsellicModule
    {
        var modules = ModuleLoader.GetModuleTypesInStartupOrder(typeof(TStartupModule))
            .Select(type => (UpsellicModule)Activator.CreateInstance(type)!)
            .ToList();
        var context = new ServiceConfigurationContext(builder.Services, builder.Configuration, builder.Environment);
        foreach (var module in modules)
        {
            module.ConfigureServices(context);
        }

        builder.Services.AddSingleton(new LoadedModules(modules));
        return builder;
    }

    /// <summary>Runs each module's start-up step (middleware, endpoints) in dependency order.</summary>
    public static WebApplication InitializeApplication(this WebApplication app)
    {
        var context = new ApplicationInitializationContext(app);
        foreach (var module in app.Services.GetRequiredService<LoadedModules>().Modules)
        {
            module.OnApplicationInitialization(context);
        }

        return app;
    }
}

public sealed class LoadedModules(IReadOnlyList<UpsellicModule> modules)
{
    public IReadOnlyList<UpsellicModule> Modules { get; } = modules;
}
