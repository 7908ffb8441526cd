using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Upsellic.Platform.IntegrationTests.Infrastructure;

namespace Upsellic.Platform.IntegrationTests.LiveChat;

/// <summary>"Typing…" both ways once a person has the conversation, over the two real hubs.</summary>
public class TypingHints_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    [Fact]
    public async Task Should_pass_typing_hints_both_ways_once_the_conversation_is_handed_off_and_not_before()
    {
        var store = await this.CreateStoreAsync(CreateClient(), "Typing Outfitters", "owner@typing.test");
        var (api, token) = await AgentClient.TokenClientAsync(CreateClient(), "owner@typing.test");
        await using var agent = await AgentClient.ConnectAsync(Factory, api, token);
        var shopper = new ShopperClient(CreateClient(), store.WidgetKey);
        await shopper.StartAsync();
        var widget = shopper.WidgetHub(Factory);
        var agentTyping = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        widget.On<JsonElement>("Typing", hint =>
        {
            if (hint.GetProperty("role").GetString() == "Agent")
            {
                agentTyping.TrySetResult(hint);
            }
        });
        await widget.StartAsync();
        bool ForThisConversation(JsonElement hint) => hint.GetProperty("conversationId").GetGuid() == shopper.ConversationId;

        await widget.InvokeAsync("Typing"); // still with the AI: the team is not told
        await shopper.SayAsync("My order 1042 arrived today and the left boot is torn open, this is really disappointing");
        await agent.WaitForAsync("ConversationQueued", p => p.GetProperty("id").GetGuid() == shopper.ConversationId);
        await widget.InvokeAsync("Typing");

        await agent.WaitForAsync("Typing", ForThisConversation);
        // Pushes to one connection keep their order: had the first hint been sent, it would have arrived before this one.
        agent.CountReceived("Typing", ForThisConversation).ShouldBe(1);

        await agent.Hub.InvokeAsync("Typing", shopper.ConversationId);
        var hint = await agentTyping.Task.WaitAsync(TimeSpan.FromSeconds(10));
        hint.GetProperty("name").GetString().ShouldBe("Store Owner");
        await widget.DisposeAsync();
    }
}
