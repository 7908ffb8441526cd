using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using StackExchange.Redis;
using Upsellic.Platform.IntegrationTests.Infrastructure;

namespace Upsellic.Platform.IntegrationTests.LiveChat;

/// <summary>
/// Two hosts behind one store, as behind a load balancer: the same PostgreSQL and the same Redis (UPSELLIC_TEST_REDIS,
/// started by etc/scripts/test.sh). The agent is connected to one host, the shopper to the other; presence and every
/// push must cross between them.
/// </summary>
[Collection(PlatformCollection.Name)]
public class RedisScaleOut_Tests(PlatformFactory shared) : IDisposable
{
    [Fact]
    public async Task Should_share_presence_and_pushes_between_two_hosts_through_redis()
    {
        var redis = Environment.GetEnvironmentVariable("UPSELLIC_TEST_REDIS")
            ?? throw new InvalidOperationException("UPSELLIC_TEST_REDIS is not set: run the tests with etc/scripts/test.sh, which starts a throwaway Redis.");
        var database = await TestDatabase.CreateAsync("upsellic_scaleout");
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Redis"] = redis };
        await using var agentHost = PlatformFactory.StartOn(database, settings);
        await using var shopperHost = PlatformFactory.StartOn(database, settings);
        HttpClient Client(PlatformFactory host) => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var store = await StoreSetup.CreateStoreAsync(() => Client(agentHost), Client(agentHost), "Twin Outfitters", "owner@twin.test");
        var (api, token) = await AgentClient.TokenClientAsync(Client(agentHost), "owner@twin.test");
        await using var agent = await AgentClient.ConnectAsync(agentHost, api, token);

        // Presence: the tab is in Redis, and the other host sees the agent online.
        using var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis);
        await Eventually.HoldsAsync(async () => await multiplexer.GetDatabase().SortedSetLengthAsync($"upsellic:live-chat:{{{store.TenantId:N}}}:seen") == 1,
            "the agent's tab is recorded in Redis");
        // The bearer token the first host signed is valid on the second: the key ring is shared through the database.
        var otherHostApi = Client(shopperHost);
        otherHostApi.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        (await otherHostApi.GetFromJsonAsync<List<Conversations.AgentPresence>>("/api/live-chat/presence"))!
            .ShouldContain(p => p.Name == "Store Owner" && p.Status == "Online");

        // Shopper → other host → AI turn there → queued to the agent on this host, through the backplane.
        var shopper = new ShopperClient(Client(shopperHost), store.WidgetKey);
        await shopper.StartAsync();
        var widget = shopper.WidgetHub(shopperHost);
        var agentMessage = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        widget.On<JsonElement>("MessageAdded", message =>
        {
            if (message.GetProperty("role").GetString() == "Agent")
            {
                agentMessage.TrySetResult(message);
            }
        });
        await widget.StartAsync();
        await shopper.SayAsync("My order 1042 arrived today and the left boot is torn open, this is really disappointing");

        var queued = await agent.WaitForAsync("ConversationQueued", p => p.GetProperty("id").GetGuid() == shopper.ConversationId);
        queued.GetProperty("assignedAgentName").GetString().ShouldBe("Store Owner", "the other host routed to the agent it saw in Redis");

        // Agent → this host → the shopper connected to the other host.
        var sent = await agent.Api.PostAsJsonAsync($"/api/live-chat/conversations/{shopper.ConversationId}/messages",
            new { clientMessageId = "twin-1", text = "So sorry about the boot, a replacement ships today." });
        sent.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await agentMessage.Task.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("text").GetString().ShouldBe("So sorry about the boot, a replacement ships today.");
        await widget.DisposeAsync();
    }

    public void Dispose()
    {
        shared.ReclaimHangfireStatics();
        GC.SuppressFinalize(this);
    }
}
