using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Framework.BackgroundJobs;

/// <summary>A background job with typed arguments; it runs under the tenant that was current when it was scheduled.</summary>
public interface IBackgroundJob<in TArgs>
{
    Task ExecuteAsync(TArgs args, CancellationToken cancellationToken);
}

public interface IBackgroundJobManager
{
    /// <summary>Schedules the job for <paramref name="delay"/> from now; returns the job id.</summary>
    string Schedule<TArgs>(TArgs args, TimeSpan delay);

    string Enqueue<TArgs>(TArgs args);

    /// <summary>
    /// Runs the job in this process right away, in the background (no queue latency, no storage round trips), under the
    /// current tenant. Not durable: if this process dies first, the job is lost, so the caller needs a safety net of
    /// its own (a sweep that finds the work undone).
    /// </summary>
    void RunInBackground<TArgs>(TArgs args);
}

/// <summary>
/// Hangfire stores the tenant id next to the arguments, and <see cref="HangfireJobExecutionAdapter{TArgs}"/> switches to
/// it before resolving the job, so a job's queries are filtered to the tenant that scheduled it.
/// </summary>
public sealed class HangfireBackgroundJobManager(
    IBackgroundJobClient client,
    ICurrentTenant currentTenant,
    IServiceScopeFactory scopeFactory,
    ILogger<HangfireBackgroundJobManager> logger) : IBackgroundJobManager
{
    public string Schedule<TArgs>(TArgs args, TimeSpan delay)
    {
        var tenantId = currentTenant.Id;
        return client.Schedule<HangfireJobExecutionAdapter<TArgs>>(job => job.ExecuteAsync(tenantId, args, CancellationToken.None), delay);
    }

    public string Enqueue<TArgs>(TArgs args)
    {
        var tenantId = currentTenant.Id;
        return client.Enqueue<HangfireJobExecutionAdapter<TArgs>>(job => job.ExecuteAsync(tenantId, args, CancellationToken.None));
    }

    public void RunInBackground<TArgs>(TArgs args)
    {
        var tenantId = currentTenant.Id;
        // Not awaited: the caller's request answers at once; the job reports its own failures, and the caller's safety net retries.
        _ = Task.Run(async () =>
        {
            try
            {
                await new HangfireJobExecutionAdapter<TArgs>(scopeFactory, currentTenant).ExecuteAsync(tenantId, args, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "In-process run of {Job} failed; its safety net will retry", typeof(TArgs).Name);
            }
        });
    }
}

public sealed class HangfireJobExecutionAdapter<TArgs>(IServiceScopeFactory scopeFactory, ICurrentTenant currentTenant)
{
    public async Task ExecuteAsync(Guid? tenantId, TArgs args, CancellationToken cancellationToken)
    {
        using (currentTenant.Change(tenantId))
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<IBackgroundJob<TArgs>>();
            await job.ExecuteAsync(args, cancellationToken);
        }
    }
}
