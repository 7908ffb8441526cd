using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Upsellic.Platform.Host.HealthChecks;

/// <summary>Healthy when a Hangfire server has sent a heartbeat recently: without one, pickup timeouts never fire.</summary>
public sealed class JobServerHealthCheck(JobStorage storage, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan MaxHeartbeatAge = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var alive = storage.GetMonitoringApi().Servers()
            .Count(server => server.Heartbeat is { } heartbeat && now - heartbeat < MaxHeartbeatAge);
        return Task.FromResult(alive > 0
            ? HealthCheckResult.Healthy($"{alive} job server(s) alive")
            : HealthCheckResult.Unhealthy("No job server has sent a heartbeat in the last minute"));
    }
}
