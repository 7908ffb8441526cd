using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upsellic.Conversations.Application;

namespace Upsellic.Conversations.BackgroundJobs;

/// <summary>
/// Watches the live conversations every few seconds on each host: <see cref="UnansweredMessageSweep"/> for shopper
/// messages whose AI turn was lost, <see cref="AbsentAgentReassignment"/> for handoffs whose agent left,
/// <see cref="LostPickupTimeoutSweep"/> for handoffs whose timeout job was lost; and forgets long-dead tabs. A hosted
/// loop rather than a Hangfire recurring job: Hangfire's cron schedules a minute at best, and a waiting shopper should not.
/// </summary>
public sealed class ConversationWatcher(IServiceScopeFactory scopeFactory, IOptions<LiveChatOptions> options, ILogger<ConversationWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AbsenceCheckInterval);
        var lastPrune = DateTimeOffset.MinValue;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<UnansweredMessageSweep>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<AbsentAgentReassignment>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<LostPickupTimeoutSweep>().RunAsync(stoppingToken);
                // Forgetting long-dead tabs is housekeeping: once a minute is plenty.
                if (DateTimeOffset.UtcNow - lastPrune > TimeSpan.FromMinutes(1))
                {
                    await scope.ServiceProvider.GetRequiredService<AgentPresenceStore>().PruneAsync(stoppingToken);
                    lastPrune = DateTimeOffset.UtcNow;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a database hiccup must not stop the watching for good.
                logger.LogWarning(e, "Checking the live conversations failed");
            }
        }
    }
}
