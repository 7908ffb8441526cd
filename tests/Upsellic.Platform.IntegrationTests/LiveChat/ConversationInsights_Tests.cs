using Upsellic.Platform.IntegrationTests.Infrastructure;

namespace Upsellic.Platform.IntegrationTests.LiveChat;

public class ConversationInsights_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    [Fact]
    public async Task Should_find_conversations_by_what_was_said_and_count_ai_only_and_handed_off()
    {
        var merchant = CreateClient();
        var store = await this.CreateStoreAsync(merchant, "Insight Outfitters", "owner@insight.test");
        var routine = new ShopperClient(CreateClient(), store.WidgetKey);
        await routine.StartAsync();
        await routine.AskAsync("Do you have a physical store?");
        var upset = new ShopperClient(CreateClient(), store.WidgetKey);
        await upset.StartAsync();
        await upset.AskAsync("My order 1042 arrived with a broken zipper <b>again</b>");

        var found = await merchant.GetStringAsync("/conversations?q=zipper");
        var filtered = await merchant.GetStringAsync("/conversations?category=OrderIssue");
        var analytics = await merchant.GetStringAsync("/analytics?days=7");

        found.ShouldContain(upset.ConversationId.ToString());
        found.ShouldNotContain(routine.ConversationId.ToString());
        found.ShouldContain("&lt;b&gt;again&lt;/b&gt;");
        filtered.ShouldContain(upset.ConversationId.ToString());
        filtered.ShouldNotContain(routine.ConversationId.ToString());
        analytics.ShouldContain("50%");
        analytics.ShouldContain("OrderIssue");
    }
}
