using Microsoft.Extensions.DependencyInjection;
using Upsellic.Framework.AspNetCore;
using Upsellic.Framework.BackgroundJobs;
using Upsellic.Framework.Data;
using Upsellic.Framework.EntityFrameworkCore;
using Upsellic.Framework.EventBus;
using Upsellic.Framework.Modularity;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Framework;

public sealed class UpsellicFrameworkModule : UpsellicModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddSingleton<ICurrentTenant, CurrentTenant>();
        services.AddSingleton<IDataFilter, DataFilter>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpContextCurrentUser>();
        services.AddSingleton<ITenantResolveContributor, ClaimsTenantResolveContributor>();
        services.AddSingleton<ILocalEventBus, LocalEventBus>();
        services.AddScoped<MultiTenantSaveChangesInterceptor>();
        services.AddScoped<LocalEventsInterceptor>();
        services.AddTransient(typeof(HangfireJobExecutionAdapter<>));
        services.AddTransient<IBackgroundJobManager, HangfireBackgroundJobManager>();
        services.AddProblemDetails();
        services.AddExceptionHandler<UpsellicExceptionHandler>();
    }
}
