using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Upsellic.Platform.IntegrationTests.Infrastructure;

namespace Upsellic.Platform.IntegrationTests.Conversations;

public class WidgetConversation_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    private async Task<(TestStore Store, ShopperClient Shopper)> StartAsync(string storeName = "Trailhead Outfitters", string email = "owner@trailhead.test")
    {
        var store = await this.CreateStoreAsync(CreateClient(), storeName, email);
        var shopper = new ShopperClient(CreateClient(), store.WidgetKey);
        await shopper.StartAsync();
        return (store, shopper);
    }

    [Theory]
    [InlineData("How long does shipping take?", "3-5 business days")]
    [InlineData("What is your return policy?", "30 days")]
    [InlineData("which payment methods do you take", "PayPal")]
    [InlineData("Is the Stormline Rain Jacket waterproof?", "20,000")]
    [InlineData("Do you have the Summit Hiking Boot in size 43?", "43")]
    [InlineData("Will the Ridge daypack fit a hydration bladder?", "3 L")]
    [InlineData("Can you recommend a waterproof jacket for hiking?", "Stormline")]
    public async Task Should_answer_a_routine_question_from_the_store_knowledge(string question, string expected)
    {
        var (_, shopper) = await StartAsync();

        var answer = await shopper.AskAsync(question);

        answer.ShouldContain(expected, Case.Insensitive);
        (await shopper.GetConversationAsync()).GetProperty("status").GetString().ShouldBe("Assistant");
    }

    [Fact]
    public async Task Should_tell_order_status_only_with_the_orders_email()
    {
        var (_, shopper) = await StartAsync();

        var refused = await shopper.AskAsync("What's the status of order 1042? my email is someone@else.com");
        var told = await shopper.AskAsync("Sorry, it's order 1042 with sam@example.com");

        refused.ShouldNotContain("UPS");
        refused.ShouldNotContain("Shipped", Case.Insensitive);
        refused.ShouldNotContain("1Z999AA10123456784");
        told.ShouldContain("1Z999AA10123456784");
    }

    [Fact]
    public async Task Should_not_double_a_retried_message()
    {
        var (_, shopper) = await StartAsync();

        var first = await shopper.PostMessageAsync("Do you ship to Canada?", "retry-1");
        var second = await shopper.PostMessageAsync("Do you ship to Canada?", "retry-1");

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await second.ReadJsonAsync()).GetProperty("sequence").GetInt64().ShouldBe((await first.ReadJsonAsync()).GetProperty("sequence").GetInt64());
        await shopper.WaitForMessageAsync(0, "Assistant");
        var messages = (await shopper.GetConversationAsync()).GetProperty("messages").EnumerateArray().ToList();
        messages.Count(m => m.GetProperty("role").GetString() == "Shopper").ShouldBe(1);
        messages.Count(m => m.GetProperty("role").GetString() == "Assistant").ShouldBe(1);
    }

    [Fact]
    public async Task Should_resync_only_what_came_after_a_sequence_in_strictly_increasing_order()
    {
        var (_, shopper) = await StartAsync();
        await shopper.AskAsync("Do you have a physical store?");
        var afterFirstExchange = (await shopper.GetConversationAsync()).GetProperty("messages").EnumerateArray().Last().GetProperty("sequence").GetInt64();

        await shopper.AskAsync("What about express shipping?");
        var newer = (await shopper.GetConversationAsync(afterFirstExchange)).GetProperty("messages").EnumerateArray()
            .Select(m => m.GetProperty("sequence").GetInt64()).ToList();

        newer.ShouldBe([afterFirstExchange + 1, afterFirstExchange + 2]);
        var all = (await shopper.GetConversationAsync()).GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("sequence").GetInt64()).ToList();
        all.ShouldBe(Enumerable.Range(1, all.Count).Select(i => (long)i).ToList());
    }

    [Theory]
    [InlineData("<script>alert('x')</script> & <b>bold</b>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public async Task Should_keep_markup_as_plain_data(string text)
    {
        var (_, shopper) = await StartAsync();

        var stored = await shopper.SayAsync(text);

        stored.GetProperty("text").GetString().ShouldBe(text);
        (await shopper.GetConversationAsync()).GetProperty("messages")[0].GetProperty("text").GetString().ShouldBe(text);
        // Whatever the AI makes of it, the shopper is answered.
        await shopper.WaitForMessageAsync(stored.GetProperty("sequence").GetInt64(), "Assistant");
    }

    [Fact]
    public async Task Should_show_nothing_of_a_conversation_to_another_store_key_or_another_visitor()
    {
        var (_, shopper) = await StartAsync();
        await shopper.SayAsync("my secret question");
        var otherStore = await this.CreateStoreAsync(CreateClient(), "Other Outfitters", "owner@other.test");
        var otherVisitor = new ShopperClient(CreateClient(), shopper.WidgetKey);
        await otherVisitor.StartAsync();

        var foreignKey = await shopper.SendAsync(HttpMethod.Get, $"/api/widget/conversations/{shopper.ConversationId}", widgetKey: otherStore.WidgetKey);
        var foreignToken = await shopper.SendAsync(HttpMethod.Get, $"/api/widget/conversations/{shopper.ConversationId}", visitorToken: otherVisitor.VisitorToken);
        var postWithForeignToken = await shopper.SendAsync(HttpMethod.Post, $"/api/widget/conversations/{shopper.ConversationId}/messages",
            new { clientMessageId = "x1", text = "hijack" }, visitorToken: otherVisitor.VisitorToken);

        foreignKey.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreignToken.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        postWithForeignToken.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await foreignKey.Content.ReadAsStringAsync()).ShouldNotContain("secret");
        (await foreignToken.Content.ReadAsStringAsync()).ShouldNotContain("secret");
        (await shopper.GetConversationAsync()).GetProperty("messages").EnumerateArray().ShouldAllBe(m => m.GetProperty("text").GetString() != "hijack");
    }

    [Theory]
    [InlineData("", "text")]
    [InlineData("   ", "text")]
    [InlineData(null, "clientMessageId")]
    public async Task Should_refuse_bad_messages_and_store_nothing(string? text, string field)
    {
        var (_, shopper) = await StartAsync();

        var response = await shopper.SendAsync(HttpMethod.Post, $"/api/widget/conversations/{shopper.ConversationId}/messages",
            new { clientMessageId = field == "clientMessageId" ? null : "m1", text = text ?? "hello" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        (await shopper.GetConversationAsync()).GetProperty("messages").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Should_refuse_an_oversize_message_an_unknown_conversation_and_an_unknown_key()
    {
        var (_, shopper) = await StartAsync();

        var oversize = await shopper.PostMessageAsync(new string('a', 2001));
        var unknownConversation = await shopper.SendAsync(HttpMethod.Get, $"/api/widget/conversations/{Guid.NewGuid()}");
        var unknownKey = await shopper.SendAsync(HttpMethod.Post, "/api/widget/conversations", new { }, widgetKey: "wk_not-a-real-key");

        oversize.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknownConversation.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknownKey.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await shopper.GetConversationAsync()).GetProperty("messages").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Should_answer_429_to_a_burst_from_one_visitor()
    {
        var (_, shopper) = await StartAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await shopper.PostMessageAsync($"message {i}")).StatusCode);
        }

        statuses.ShouldContain(HttpStatusCode.TooManyRequests);
        var stored = (await shopper.GetConversationAsync()).GetProperty("messages").EnumerateArray().Count(m => m.GetProperty("role").GetString() == "Shopper");
        stored.ShouldBe(statuses.Count(s => s == HttpStatusCode.Accepted));
    }

    [Fact]
    public async Task Should_hand_off_a_damaged_order_with_empathy_offer_the_channels_and_then_stay_silent()
    {
        var (_, shopper) = await StartAsync();

        var sent = await shopper.SayAsync("My order 1042 arrived today and the left boot is torn open, this is really disappointing");
        var reply = await shopper.WaitForMessageAsync(sent.GetProperty("sequence").GetInt64(), "Assistant");

        reply.GetProperty("text").GetString()!.ShouldContain("1042");
        reply.GetProperty("text").GetString()!.ShouldNotContain("?");
        var conversation = await shopper.GetConversationAsync();
        conversation.GetProperty("status").GetString().ShouldBe("AwaitingAgent");
        conversation.GetProperty("handoffCategory").GetString().ShouldBe("OrderIssue");
        var channels = conversation.GetProperty("contactChannels").EnumerateArray().ToList();
        channels.Select(c => c.GetProperty("kind").GetString()).ShouldBe(["WhatsApp", "Email"]);
        channels[0].GetProperty("href").GetString()!.ShouldStartWith("https://wa.me/14155550123?text=");
        channels[1].GetProperty("href").GetString()!.ShouldStartWith("mailto:help@trailhead.test");

        var later = await shopper.SayAsync("hello? anyone?");
        await Task.Delay(1500);
        (await shopper.GetConversationAsync(later.GetProperty("sequence").GetInt64())).GetProperty("messages").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Should_push_the_assistant_reply_over_the_widget_hub()
    {
        var (_, shopper) = await StartAsync();
        var connection = shopper.WidgetHub(Factory);
        var pushed = new TaskCompletionSource<MessagePush>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<MessagePush>("MessageAdded", message =>
        {
            if (message.Role == "Assistant")
            {
                pushed.TrySetResult(message);
            }
        });
        await connection.StartAsync();

        await shopper.SayAsync("Do you have a physical store?");

        var message = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        message.Text.ShouldContain("Pine Street");
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Should_refuse_a_hub_connection_with_another_visitors_token()
    {
        var (_, shopper) = await StartAsync();
        var connection = shopper.WidgetHub(Factory, visitorToken: "forged");

        await Should.ThrowAsync<Exception>(() => connection.StartAsync());
        await connection.DisposeAsync();
    }

    private sealed record MessagePush(long Sequence, string Role, string Text, string? AuthorName);
}
