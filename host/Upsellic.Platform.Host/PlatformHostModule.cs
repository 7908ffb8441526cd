using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Upsellic.Agents;
using Upsellic.Assistant;
using Upsellic.Conversations;
using Upsellic.Framework;
using Upsellic.Framework.EntityFrameworkCore;
using Upsellic.Framework.Modularity;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Platform.Host.HealthChecks;
using Upsellic.HandoffIntelligence;
using Upsellic.Platform.Host.Widget;
using Upsellic.Saas;
using Upsellic.Saas.EntityFrameworkCore;
using Upsellic.WidgetSettings;

namespace Upsellic.Platform.Host;

/// <summary>Composes the modules into one web application: pipeline, dashboard pages, job server, health, OpenAPI.</summary>
[DependsOn(typeof(UpsellicFrameworkModule), typeof(SaasModule), typeof(WidgetSettingsModule), typeof(HandoffIntelligenceModule), typeof(AssistantModule),
    typeof(ConversationsModule), typeof(AgentsModule))]
public sealed class PlatformHostModule : UpsellicModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddRazorPages(options =>
        {
            // Pages/Store is the merchant's dashboard, Pages/Admin the platform admin's; the overview sends each to theirs.
            options.Conventions.AuthorizeFolder("/Store", SaasPolicies.TenantUser);
            options.Conventions.AuthorizeFolder("/Admin", SaasPolicies.PlatformAdmin);
            options.Conventions.AuthorizePage("/Index");
            options.Conventions.AllowAnonymousToFolder("/Account");
            options.Conventions.AllowAnonymousToPage("/DemoStore");
        });
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        ConfigureJobs(context);
        services.AddHealthChecks()
            .AddDbContextCheck<SaasDbContext>("database")
            .AddCheck<JobServerHealthCheck>("jobs");
    }

    public override void OnApplicationInitialization(ApplicationInitializationContext context)
    {
        var app = context.App;
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseWidgetAssets();
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<MultiTenancyMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            // The endpoint's authorization policy guards the dashboard; Hangfire's own default allows only localhost.
            Authorization = [],
            DisplayStorageConnectionString = false,
            DashboardTitle = "Upsellic jobs",
        }).RequireAuthorization(SaasPolicies.PlatformAdmin);
    }

    private static void ConfigureJobs(ServiceConfigurationContext context)
    {
        // Hangfire's client and storage are synchronous: scheduling a job (every shopper message's safety net, every
        // handoff's pickup timeout) holds a pool thread while PostgreSQL answers. The pool adds threads only slowly, so
        // under a burst requests and pushes queue behind those waits (seconds, measured by etc/benchmarks/LiveChatLatency).
        // Starting with more threads costs a little memory and keeps the latency flat.
        var minThreads = context.Configuration.GetValue("Platform:MinThreadPoolThreads", 64);
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, minThreads), Math.Max(completionPorts, minThreads));

        var connectionString = context.Configuration.GetConnectionString(DbContextRegistrationExtensions.ConnectionStringName)
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not configured.");
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            // Wakes the server on LISTEN/NOTIFY instead of waiting for the next poll: delayed jobs fire close to due.
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
        };
        context.Services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(options => options.UseNpgsqlConnection(connectionString), storageOptions));
        context.Services.AddHangfireServer(options =>
        {
            options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            options.WorkerCount = Math.Max(4, Environment.ProcessorCount * 2);
        });
    }
}
