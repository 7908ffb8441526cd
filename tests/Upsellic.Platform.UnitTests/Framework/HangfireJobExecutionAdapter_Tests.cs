using Microsoft.Extensions.DependencyInjection;
using Upsellic.Framework.BackgroundJobs;
using Upsellic.Framework.MultiTenancy;

namespace Upsellic.Platform.UnitTests.Framework;

public class HangfireJobExecutionAdapter_Tests
{
    [Fact]
    public async Task Should_run_the_job_under_the_scheduling_tenant_and_restore_the_previous_one()
    {
        var currentTenant = new CurrentTenant();
        var recorder = new TenantRecorder(currentTenant);
        var services = new ServiceCollection()
            .AddSingleton<ICurrentTenant>(currentTenant)
            .AddSingleton<IBackgroundJob<string>>(recorder)
            .BuildServiceProvider();
        var adapter = new HangfireJobExecutionAdapter<string>(services.GetRequiredService<IServiceScopeFactory>(), currentTenant);
        var jobTenant = Guid.NewGuid();
        var workerTenant = Guid.NewGuid();

        using (currentTenant.Change(workerTenant))
        {
            await adapter.ExecuteAsync(jobTenant, "payload", CancellationToken.None);
            currentTenant.Id.ShouldBe(workerTenant);
        }

        recorder.Seen.ShouldBe(("payload", jobTenant));
    }

    private sealed class TenantRecorder(ICurrentTenant currentTenant) : IBackgroundJob<string>
    {
        public (string Args, Guid? Tenant) Seen { get; private set; }

        public Task ExecuteAsync(string args, CancellationToken cancellationToken)
        {
            Seen = (args, currentTenant.Id);
            return Task.CompletedTask;
        }
    }
}
