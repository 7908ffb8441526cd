using Hangfire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Upsellic.Platform.IntegrationTests.Infrastructure;

namespace Upsellic.Platform.IntegrationTests.LiveChat;

/// <summary>
/// The pickup timeout is a Hangfire job stored in PostgreSQL: a host that stops after the handoff leaves it behind,
/// and the host that comes up next fires it. Two hosts of their own on a database of their own, one after the other.
/// </summary>
[Collection(PlatformCollection.Name)]
public class PickupTimeoutRestart_Tests(PlatformFactory shared) : IDisposable
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        // Long enough for the first host to stop well before it is due.
        ["LiveChat:PickupTimeout"] = "00:00:08",
        // The agent's tab goes down with the first host; this test is about the timeout, not about the agent leaving.
        ["LiveChat:AbsenceCheckInterval"] = "01:00:00",
    };

    [Fact]
    public async Task Should_offer_the_channels_when_the_host_restarts_between_the_handoff_and_the_pickup_timeout()
    {
        var database = await TestDatabase.CreateAsync("upsellic_restart");
        ShopperClient shopper;
        long handoffReply;
        var first = PlatformFactory.StartOn(database, Settings);
        await using (first)
        {
            HttpClient NewClient() => first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var store = await StoreSetup.CreateStoreAsync(NewClient, NewClient(), "Restart Outfitters", "owner@restart.test");
            var (api, token) = await AgentClient.TokenClientAsync(NewClient(), "owner@restart.test");
            await using var agent = await AgentClient.ConnectAsync(first, api, token);
            shopper = new ShopperClient(NewClient(), store.WidgetKey);
            await shopper.StartAsync();
            var sent = await shopper.SayAsync("My order 1042 never arrived and tracking hasn't moved in a week, I need this sorted");
            await agent.WaitForAsync("ConversationQueued", p => p.GetProperty("id").GetGuid() == shopper.ConversationId);
            handoffReply = (await shopper.WaitForMessageAsync(sent.GetProperty("sequence").GetInt64(), "Assistant")).GetProperty("sequence").GetInt64();
            (await shopper.GetConversationAsync()).GetProperty("contactChannels").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
            // The job is stored just after the handoff's commit; a host gone before that is the watcher's case (ConversationWatcher_Tests).
            var jobs = first.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
            await Eventually.HoldsAsync(() => Task.FromResult(jobs.ScheduledCount() > 0), "the pickup timeout job is stored");
        }

        var stoppedAt = DateTimeOffset.UtcNow;
        await using var second = PlatformFactory.StartOn(database, Settings);
        var resumed = shopper.Through(second.CreateClient());

        var notice = await resumed.WaitForMessageAsync(handoffReply, "System", TimeSpan.FromSeconds(30));

        notice.GetProperty("text").GetString()!.ShouldContain("reach us");
        notice.GetProperty("createdAt").GetDateTimeOffset().ShouldBeGreaterThan(stoppedAt, "the host that came up after the restart fired it");
        (await resumed.GetConversationAsync()).GetProperty("contactChannels").GetArrayLength().ShouldBe(2);
    }

    public void Dispose()
    {
        shared.ReclaimHangfireStatics();
        GC.SuppressFinalize(this);
    }
}
