using System.Net;
using System.Net.Http.Json;
using Upsellic.Platform.IntegrationTests.Infrastructure;

namespace Upsellic.Platform.IntegrationTests.LiveChat;

public class LiveChatJourney_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    private const string DamagedOrder = "My order 1042 arrived today and the left boot is torn open, this is really disappointing";

    private async Task<(TestStore Store, AgentClient Agent, ShopperClient Shopper)> StoreWithOnlineAgentAsync()
    {
        var store = await this.CreateStoreAsync(CreateClient(), "Trailhead Outfitters", "owner@trailhead.test");
        var (api, token) = await AgentClient.TokenClientAsync(CreateClient(), "owner@trailhead.test");
        var agent = await AgentClient.ConnectAsync(Factory, api, token);
        var shopper = new ShopperClient(CreateClient(), store.WidgetKey);
        await shopper.StartAsync();
        return (store, agent, shopper);
    }

    [Fact]
    public async Task Should_queue_a_handoff_to_the_online_agent_who_picks_it_up_chats_and_closes()
    {
        var (_, agent, shopper) = await StoreWithOnlineAgentAsync();
        await using var _ = agent;
        (await agent.Api.GetFromJsonAsync<List<Conversations.AgentPresence>>("/api/live-chat/presence"))!
            .ShouldContain(p => p.Name == "Store Owner" && p.Status == "Online");
        var members = await (await agent.Api.GetAsync("/api/team/members")).ReadJsonAsync();
        members.EnumerateArray().Single(m => m.GetProperty("email").GetString() == "owner@trailhead.test").GetProperty("online").GetBoolean().ShouldBeTrue();

        var sent = await shopper.SayAsync(DamagedOrder);

        var reply = await shopper.WaitForMessageAsync(sent.GetProperty("sequence").GetInt64(), "Assistant");
        reply.GetProperty("text").GetString()!.ShouldNotContain("?");
        var queued = await agent.WaitForAsync("ConversationQueued", p => p.GetProperty("id").GetGuid() == shopper.ConversationId);
        queued.GetProperty("handoffCategory").GetString().ShouldBe("OrderIssue");
        queued.GetProperty("summary").GetString()!.ShouldContain("1042");
        var waiting = await shopper.GetConversationAsync();
        waiting.GetProperty("status").GetString().ShouldBe("AwaitingAgent");
        waiting.GetProperty("contactChannels").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        var detail = await (await agent.Api.GetAsync($"/api/live-chat/conversations/{shopper.ConversationId}")).ReadJsonAsync();
        detail.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ShouldContain(DamagedOrder);
        var claim = await agent.Api.PostAsync($"/api/live-chat/conversations/{shopper.ConversationId}/claim", null);
        claim.StatusCode.ShouldBe(HttpStatusCode.OK);
        var joined = await shopper.WaitForMessageAsync(reply.GetProperty("sequence").GetInt64(), "System");
        joined.GetProperty("text").GetString().ShouldBe("Store Owner joined the chat.");

        var agentMessage = await agent.Api.PostAsJsonAsync($"/api/live-chat/conversations/{shopper.ConversationId}/messages",
            new { clientMessageId = "agent-1", text = "I'm so sorry about the boot, I'll send a replacement today." });
        agentMessage.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var seen = await shopper.WaitForMessageAsync(joined.GetProperty("sequence").GetInt64(), "Agent");
        seen.GetProperty("authorName").GetString().ShouldBe("Store Owner");
        var shopperAnswer = await shopper.SayAsync("thank you!");
        await agent.WaitForAsync("MessageAdded", p => p.GetProperty("message").GetProperty("sequence").GetInt64() == shopperAnswer.GetProperty("sequence").GetInt64());
        await Task.Delay(500);
        (await shopper.GetConversationAsync(shopperAnswer.GetProperty("sequence").GetInt64())).GetProperty("messages").GetArrayLength()
            .ShouldBe(0, "the AI stays silent once a person has the conversation");

        (await agent.Api.PostAsync($"/api/live-chat/conversations/{shopper.ConversationId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await shopper.GetConversationAsync()).GetProperty("status").GetString().ShouldBe("Closed");
        (await shopper.PostMessageAsync("one more thing")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Should_let_exactly_one_of_two_simultaneous_pickups_win()
    {
        var (store, agent, _) = await StoreWithOnlineAgentAsync();
        await using var _ = agent;
        await AgentClient.CreateTeamMemberAsync(Factory, store.TenantId, "second@trailhead.test", "Second Agent");
        var (second, _) = await AgentClient.TokenClientAsync(CreateClient(), "second@trailhead.test");
        var conversations = new List<Guid>();
        foreach (var batch in Enumerable.Range(0, 100).Chunk(10))
        {
            conversations.AddRange(await Task.WhenAll(batch.Select(async _ =>
            {
                var shopper = new ShopperClient(CreateClient(), store.WidgetKey);
                await shopper.StartAsync();
                await shopper.SayAsync(DamagedOrder);
                return shopper.ConversationId;
            })));
        }

        foreach (var id in conversations)
        {
            await agent.WaitForAsync("ConversationQueued", p => p.GetProperty("id").GetGuid() == id);
        }

        var results = await Task.WhenAll(conversations.Select(async id =>
        {
            var pair = await Task.WhenAll(
                agent.Api.PostAsync($"/api/live-chat/conversations/{id}/claim", null),
                second.PostAsync($"/api/live-chat/conversations/{id}/claim", null));
            return pair.Select(r => r.StatusCode).ToList();
        }));

        foreach (var pair in results)
        {
            pair.Count(s => s == HttpStatusCode.OK).ShouldBe(1);
            pair.Count(s => s == HttpStatusCode.Conflict).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Should_offer_the_contact_channels_when_no_agent_answers_in_time_and_still_deliver_a_late_reply()
    {
        var (_, agent, shopper) = await StoreWithOnlineAgentAsync();
        await using var _ = agent;

        var sent = await shopper.SayAsync(DamagedOrder);
        await agent.WaitForAsync("ConversationQueued", p => p.GetProperty("id").GetGuid() == shopper.ConversationId);
        var handoffReply = await shopper.WaitForMessageAsync(sent.GetProperty("sequence").GetInt64(), "Assistant");
        var notice = await shopper.WaitForMessageAsync(sent.GetProperty("sequence").GetInt64() + 1, "System", TimeSpan.FromSeconds(20));

        notice.GetProperty("text").GetString()!.ShouldContain("reach us");
        // The timeout (4 s here) is scheduled just before the handoff's commit (which carries the reply) and must fire
        // within 2 s of due.
        var firedAfter = notice.GetProperty("createdAt").GetDateTimeOffset() - handoffReply.GetProperty("createdAt").GetDateTimeOffset();
        firedAfter.ShouldBeInRange(TimeSpan.FromSeconds(3.5), TimeSpan.FromSeconds(6));
        var conversation = await shopper.GetConversationAsync();
        conversation.GetProperty("status").GetString().ShouldBe("AwaitingAgent");
        conversation.GetProperty("contactChannels").GetArrayLength().ShouldBe(2);
        var late = await agent.Api.PostAsJsonAsync($"/api/live-chat/conversations/{shopper.ConversationId}/messages", new { clientMessageId = "late-1", text = "Sorry for the wait!" });
        late.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await shopper.WaitForMessageAsync(notice.GetProperty("sequence").GetInt64(), "Agent")).GetProperty("text").GetString().ShouldBe("Sorry for the wait!");
    }

    [Fact]
    public async Task Should_show_the_channels_at_once_when_no_agent_is_online()
    {
        var store = await this.CreateStoreAsync(CreateClient(), "Quiet Outfitters", "owner@quiet.test");
        var shopper = new ShopperClient(CreateClient(), store.WidgetKey);
        await shopper.StartAsync();

        var sent = await shopper.SayAsync(DamagedOrder);
        await shopper.WaitForMessageAsync(sent.GetProperty("sequence").GetInt64(), "Assistant");

        var conversation = await shopper.GetConversationAsync();
        conversation.GetProperty("status").GetString().ShouldBe("AwaitingAgent");
        conversation.GetProperty("contactChannels").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Should_keep_agents_of_another_store_out()
    {
        var (_, agent, shopper) = await StoreWithOnlineAgentAsync();
        await using var _ = agent;
        await shopper.SayAsync(DamagedOrder);
        await agent.WaitForAsync("ConversationQueued", p => p.GetProperty("id").GetGuid() == shopper.ConversationId);
        await this.CreateStoreAsync(CreateClient(), "Rival Outfitters", "owner@rival.test");
        var (rival, _) = await AgentClient.TokenClientAsync(CreateClient(), "owner@rival.test");

        (await rival.GetAsync($"/api/live-chat/conversations/{shopper.ConversationId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await rival.PostAsync($"/api/live-chat/conversations/{shopper.ConversationId}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await rival.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/live-chat/conversations"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_count_an_agent_offline_once_the_tab_disconnects()
    {
        var (_, agent, _) = await StoreWithOnlineAgentAsync();
        (await agent.Api.GetFromJsonAsync<List<Conversations.AgentPresence>>("/api/live-chat/presence"))!.Count.ShouldBe(1);

        await agent.DisposeAsync();

        // The server sees the close a moment after the client: its disconnect handler removes the presence row.
        await Eventually.HoldsAsync(async () => (await agent.Api.GetFromJsonAsync<List<Conversations.AgentPresence>>("/api/live-chat/presence"))!.Count == 0,
            "the closed tab no longer counts as online");
    }

    [Fact]
    public async Task Should_stop_counting_a_tab_that_dies_silently_and_show_the_channels_at_once()
    {
        var (_, agent, shopper) = await StoreWithOnlineAgentAsync();
        await using var _ = agent;
        agent.StopHeartbeats();

        await Task.Delay(TimeSpan.FromSeconds(4.5));

        (await agent.Api.GetFromJsonAsync<List<Conversations.AgentPresence>>("/api/live-chat/presence"))!.ShouldBeEmpty();
        var sent = await shopper.SayAsync(DamagedOrder);
        await shopper.WaitForMessageAsync(sent.GetProperty("sequence").GetInt64(), "Assistant");
        (await shopper.GetConversationAsync()).GetProperty("contactChannels").GetArrayLength().ShouldBe(2);
    }
}
