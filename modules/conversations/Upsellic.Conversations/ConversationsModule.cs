using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Upsellic.Conversations.Application;
using Upsellic.Conversations.BackgroundJobs;
using Upsellic.Conversations.EntityFrameworkCore;
using Upsellic.Conversations.EventHandlers;
using Upsellic.Conversations.HttpApi;
using Upsellic.Framework;
using Upsellic.Framework.AspNetCore;
using Upsellic.Framework.BackgroundJobs;
using Upsellic.Framework.Data;
using Upsellic.Framework.EntityFrameworkCore;
using Upsellic.Framework.EventBus;
using Upsellic.Framework.Modularity;
using Upsellic.Saas;
using Upsellic.WidgetSettings;

namespace Upsellic.Conversations;

[DependsOn(typeof(UpsellicFrameworkModule))]
public sealed class ConversationsModule : UpsellicModule
{
    public const string StartRateLimitPolicy = "widget-start";
    public const string MessageRateLimitPolicy = "widget-messages";

    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddUpsellicDbContext<ConversationsDbContext>(context.Configuration, ConversationsDbProperties.Schema);
        services.AddMigrationsAtStart<ConversationsDbContext>();
        var signalR = services.AddSignalR(options => options.AddFilter<TenantHubFilter>());
        AddLiveChatScaleOut(services, signalR, context.Configuration.GetConnectionString(RedisConnectionStringName));
        services.AddSingleton<TenantHubFilter>();
        services.AddScoped<IAuthorizationHandler, WidgetVisitorAuthorizationHandler>();
        services.AddAuthorizationBuilder().AddPolicy(WidgetVisitorRequirement.PolicyName, policy => policy.AddRequirements(new WidgetVisitorRequirement()));
        services.AddScoped<MessageAppender>();
        services.AddOptions<LiveChatOptions>().Bind(context.Configuration.GetSection(LiveChatOptions.Section));
        services.AddScoped<AgentPresenceStore>();
        services.AddScoped<ConversationRouter>();
        services.AddScoped<AbsentAgentReassignment>();
        services.AddSingleton<AbsenceLedger>();
        services.AddSingleton<LiveChatConnections>();
        services.AddScoped<ILocalEventHandler<TeamMemberRemovedEto>, RemovedMemberDisconnector>();
        services.AddScoped<LostPickupTimeoutSweep>();
        services.AddScoped<UnansweredMessageSweep>();
        services.AddHostedService<ConversationWatcher>();
        services.AddScoped<Upsellic.Agents.IAgentPresenceQuery, AgentPresenceQuery>();
        services.AddScoped<ILiveChatAppService, LiveChatAppService>();
        services.AddScoped<IConversationInsightsAppService, ConversationInsightsAppService>();
        services.AddScoped<IBackgroundJob<PickupTimeoutArgs>, PickupTimeoutJob>();
        services.AddScoped<ILocalEventHandler<ConversationQueuedEto>, LiveChatPushHandler>();
        services.AddScoped<ILocalEventHandler<ConversationUpdatedEto>, LiveChatPushHandler>();
        services.AddScoped<ILocalEventHandler<MessageAddedEto>, LiveChatPushHandler>();
        services.AddScoped<IWidgetConversationAppService, WidgetConversationAppService>();
        services.AddScoped<IBackgroundJob<AssistantTurnArgs>, AssistantTurnJob>();
        services.AddScoped<ILocalEventHandler<MessageAddedEto>, WidgetPushHandler>();
        services.AddScoped<ILocalEventHandler<ConversationUpdatedEto>, WidgetPushHandler>();
        services.AddScoped<ILocalEventHandler<ConversationQueuedEto>, WidgetPushHandler>();
        services.AddScoped<ITenantUsageContributor, ConversationUsageContributor>();
        var limits = context.Configuration.GetSection("Conversations:RateLimits");
        services.Configure<RateLimiterOptions>(options =>
        {
            // New conversations per client address: a page that loops cannot fill the database. Generous, because many
            // real shoppers can share one address (an office, a campus, a mobile carrier's NAT).
            options.AddPolicy(StartRateLimitPolicy, httpContext => RateLimitPartition.GetFixedWindowLimiter(
                httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.GetValue("StartsPerMinute", 120), Window = TimeSpan.FromMinutes(1) }));
            // Messages per visitor: a person types a few per minute; a burst is a script.
            options.AddPolicy(MessageRateLimitPolicy, httpContext => RateLimitPartition.GetSlidingWindowLimiter(
                httpContext.Request.Headers[WidgetHeaders.VisitorToken].ToString() is { Length: > 0 } token ? token : httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = limits.GetValue("MessagesPerWindow", 12),
                    Window = TimeSpan.FromSeconds(limits.GetValue("WindowSeconds", 20)),
                    SegmentsPerWindow = 4,
                }));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var problems = rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests. Wait a moment and try again.",
                        Extensions = { ["code"] = "Upsellic:RateLimited" },
                    },
                });
            };
        });
    }

    public const string RedisConnectionStringName = "Redis";

    /// <summary>
    /// With Redis configured, the hosts share it for presence and as the SignalR backplane, so a push made on one host
    /// reaches an agent or shopper connected to another. Without it, presence is in PostgreSQL (still shared) and pushes
    /// reach the clients of the host that made them: one host, or sticky sessions with a single host per store.
    /// </summary>
    private static void AddLiveChatScaleOut(IServiceCollection services, ISignalRServerBuilder signalR, string? redis)
    {
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddScoped<IAgentConnectionStore, PostgresAgentConnectionStore>();
            return;
        }

        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false; // a Redis restart must not take the host down; the client reconnects
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<IAgentConnectionStore, RedisAgentConnectionStore>();
        signalR.AddStackExchangeRedis(backplane =>
        {
            backplane.Configuration = options.Clone();
            backplane.Configuration.ChannelPrefix = RedisChannel.Literal("upsellic");
        });
    }

    public override void OnApplicationInitialization(ApplicationInitializationContext context)
    {
        context.App.MapWidgetConversationEndpoints();
        context.App.MapLiveChatEndpoints();
        context.App.MapHub<LiveChatHub>(LiveChatHub.Path);
        context.App.MapHub<WidgetHub>(WidgetHub.Path).RequireCors(WidgetCors.PolicyName).RequireAuthorization(WidgetVisitorRequirement.PolicyName);
    }
}
