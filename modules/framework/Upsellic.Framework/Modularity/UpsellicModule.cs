using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Upsellic.Framework.Modularity;

/// <summary>
/// The unit of composition, shaped like ABP's AbpModule: a module wires its own services and endpoints so that
/// Program.cs stays tiny. Modules are visited in dependency order (see <see cref="ModuleLoader"/>).
/// </summary>
public abstract class UpsellicModule
{
    public virtual void ConfigureServices(ServiceConfigurationContext context)
    {
    }

    public virtual void OnApplicationInitialization(ApplicationInitializationContext context)
    {
    }
}

public sealed class ServiceConfigurationContext(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
{
    public IServiceCollection Services { get; } = services;
    public IConfiguration Configuration { get; } = configuration;
    public IHostEnvironment Environment { get; } = environment;
}

public sealed class ApplicationInitializationContext(WebApplication app)
{
    public WebApplication App { get; } = app;
    public IServiceProvider ServiceProvider => App.Services;
}
