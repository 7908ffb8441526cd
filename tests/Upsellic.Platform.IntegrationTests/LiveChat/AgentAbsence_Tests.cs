using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Upsellic.Conversations.Application;
using Upsellic.Platform.IntegrationTests.Agents;
using Upsellic.Platform.IntegrationTests.Infrastructure;

namespace Upsellic.Platform.IntegrationTests.LiveChat;

/// <summary>Journey 3's edge: the agent a conversation waits for leaves before answering.</summary>
public class AgentAbsence_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    private const string DamagedOrder = "My order 1042 arrived today and the left boot is torn open, this is really disappointing";

    [Fact]
    public async Task Should_reassign_a_waiting_conversation_to_another_online_agent_when_its_agent_leaves()
    {
        var store = await this.CreateStoreAsync(CreateClient(), "Relay Outfitters", "owner@relay.test");
        await AgentClient.CreateTeamMemberAsync(Factory, store.TenantId, "second@relay.test", "Second Agent");
        var agents = new Dictionary<string, AgentClient>
        {
            ["Store Owner"] = await ConnectAsync("owner@relay.test"),
            ["Second Agent"] = await ConnectAsync("second@relay.test"),
        };
        var shopper = new ShopperClient(CreateClient(), store.WidgetKey);
        await shopper.StartAsync();

        await shopper.SayAsync(DamagedOrder);
        var queued = await agents["Store Owner"].WaitForAsync("ConversationQueued", p => p.GetProperty("id").GetGuid() == shopper.ConversationId);
        var first = queued.GetProperty("assignedAgentName").GetString()!;
        var other = agents.Keys.Single(name => name != first);
        await agents[first].DisposeAsync();

        var moved = await agents[other].WaitForAsync("ConversationUpdated",
            p => p.GetProperty("id").GetGuid() == shopper.ConversationId && p.GetProperty("assignedAgentName").GetString() == other);
        moved.GetProperty("status").GetString().ShouldBe("AwaitingAgent");
        moved.GetProperty("channelsOffered").GetBoolean().ShouldBeFalse("another agent is online, so the shopper keeps waiting for a person");
        (await shopper.GetConversationAsync()).GetProperty("contactChannels").ValueKind.ShouldBe(JsonValueKind.Null);
        (await agents[other].Api.PostAsync($"/api/live-chat/conversations/{shopper.ConversationId}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await agents[other].DisposeAsync();
    }

    [Fact]
    public async Task Should_offer_the_channels_at_once_when_the_only_agent_leaves_before_answering()
    {
        var store = await this.CreateStoreAsync(CreateClient(), "Lonely Outfitters", "owner@lonely.test");
        var agent = await ConnectAsync("owner@lonely.test");
        var shopper = new ShopperClient(CreateClient(), store.WidgetKey);
        await shopper.StartAsync();
        var sent = await shopper.SayAsync(DamagedOrder);
        await agent.WaitForAsync("ConversationQueued", p => p.GetProperty("id").GetGuid() == shopper.ConversationId);

        await agent.DisposeAsync();

        // Well before the pickup timeout (4 s here), and with its own words rather than the timeout's.
        var notice = await shopper.WaitForMessageAsync(sent.GetProperty("sequence").GetInt64() + 1, "System", TimeSpan.FromSeconds(3));
        notice.GetProperty("text").GetString().ShouldBe(AbsentAgentReassignment.StepAwayNotice);
        var conversation = await shopper.GetConversationAsync();
        conversation.GetProperty("status").GetString().ShouldBe("AwaitingAgent");
        conversation.GetProperty("contactChannels").GetArrayLength().ShouldBe(2);
        // Past the pickup timeout's due time (4 s after the handoff) and the 2 s it may take to fire.
        await Task.Delay(TimeSpan.FromSeconds(6));
        (await shopper.GetConversationAsync(notice.GetProperty("sequence").GetInt64())).GetProperty("messages").GetArrayLength()
            .ShouldBe(0, "the pickup timeout finds the channels already offered and adds nothing");
    }

    [Fact]
    public async Task Should_move_on_from_an_agent_who_sets_away_before_answering()
    {
        var store = await this.CreateStoreAsync(CreateClient(), "Busy Outfitters", "owner@busy.test");
        var agent = await ConnectAsync("owner@busy.test");
        await using var _ = agent;
        var shopper = new ShopperClient(CreateClient(), store.WidgetKey);
        await shopper.StartAsync();
        var sent = await shopper.SayAsync(DamagedOrder);
        await agent.WaitForAsync("ConversationQueued", p => p.GetProperty("id").GetGuid() == shopper.ConversationId);

        await agent.Hub.InvokeAsync("SetAway", true);

        var notice = await shopper.WaitForMessageAsync(sent.GetProperty("sequence").GetInt64() + 1, "System", TimeSpan.FromSeconds(3));
        notice.GetProperty("text").GetString().ShouldBe(AbsentAgentReassignment.StepAwayNotice);
        var waiting = await agent.WaitForAsync("ConversationUpdated",
            p => p.GetProperty("id").GetGuid() == shopper.ConversationId && p.GetProperty("assignedAgentId").ValueKind == JsonValueKind.Null);
        waiting.GetProperty("status").GetString().ShouldBe("AwaitingAgent", "it stays in the queue for whoever comes back first");
    }

    [Fact]
    public async Task Should_cut_a_removed_members_live_chat_connection_at_once_and_show_them_offline()
    {
        var store = await this.CreateStoreAsync(CreateClient(), "Parting Outfitters", "owner@parting.test");
        var owner = await ConnectAsync("owner@parting.test");
        await using var _ = owner;
        var memberId = await this.AddMemberAsync(owner.Api, "leaver@parting.test", name: "Leaving Agent");
        var member = await ConnectAsync("leaver@parting.test", TeamClient.AgentPassword);
        var closed = new TaskCompletionSource();
        member.Hub.Closed += _ => Task.Run(closed.SetResult);
        (await owner.Api.GetFromJsonAsync<List<Conversations.AgentPresence>>("/api/live-chat/presence"))!.ShouldContain(p => p.Name == "Leaving Agent");

        // No heartbeat may do the cutting (a heartbeat that finds its tab gone also ends it): this is the removal's own.
        member.StopHeartbeats();

        (await owner.Api.DeleteAsync($"/api/team/members/{memberId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        (await owner.Api.GetFromJsonAsync<List<Conversations.AgentPresence>>("/api/live-chat/presence"))!.ShouldNotContain(p => p.UserId == memberId);
        await member.DisposeAsync();
    }

    private async Task<AgentClient> ConnectAsync(string email, string password = ApiExtensions.StrongPassword)
    {
        var (api, token) = await AgentClient.TokenClientAsync(CreateClient(), email, password);
        return await AgentClient.ConnectAsync(Factory, api, token);
    }
}
