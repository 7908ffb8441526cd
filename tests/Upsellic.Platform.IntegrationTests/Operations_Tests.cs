using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upsellic.Framework.BackgroundJobs;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Platform.IntegrationTests.Infrastructure;
using Upsellic.Saas.EntityFrameworkCore;

namespace Upsellic.Platform.IntegrationTests;

public class Operations_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    [Fact]
    public async Task Should_report_database_and_job_server_health()
    {
        var response = await CreateClient().GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks").GetProperty("jobs").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Should_keep_the_key_ring_that_signs_sessions_in_the_database_for_every_host()
    {
        await CreateClient().SignUpAsync("Keyring Store", "owner@keyring.test");
        (await NewClient().RequestTokenAsync("owner@keyring.test", ApiExtensions.StrongPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var scope = Factory.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<SaasDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(k => k.Xml!.Contains("<key id="));
    }

    [Fact]
    public async Task Should_publish_the_openapi_document_of_the_api()
    {
        var document = await CreateClient().GetStringAsync("/openapi/v1.json");

        document.ShouldContain("/api/account/sign-up");
        document.ShouldContain("/api/admin/tenants");
    }

    [Fact]
    public async Task Should_run_a_hangfire_job_under_the_tenant_that_scheduled_it()
    {
        var tenantId = Guid.NewGuid();
        var probe = Factory.Services.GetRequiredService<TenantProbe>();
        probe.Reset();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
            {
                scope.ServiceProvider.GetRequiredService<IBackgroundJobManager>().Enqueue(new TenantProbeArgs("hello"));
            }
        }

        var seen = await probe.Seen.Task.WaitAsync(TimeSpan.FromSeconds(20));

        seen.ShouldBe(("hello", tenantId));
    }
}

public sealed record TenantProbeArgs(string Text);

/// <summary>A job for the test above: records the tenant it ran under.</summary>
public sealed class TenantProbe(ICurrentTenant currentTenant) : IBackgroundJob<TenantProbeArgs>
{
    public TaskCompletionSource<(string, Guid?)> Seen { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Reset() => Seen = new TaskCompletionSource<(string, Guid?)>(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task ExecuteAsync(TenantProbeArgs args, CancellationToken cancellationToken)
    {
        Seen.TrySetResult((args.Text, currentTenant.Id));
        return Task.CompletedTask;
    }
}
