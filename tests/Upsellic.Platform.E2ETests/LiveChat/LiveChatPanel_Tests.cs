using Microsoft.Playwright;
using Upsellic.Platform.E2ETests.Infrastructure;
using Upsellic.Platform.E2ETests.Widget;

namespace Upsellic.Platform.E2ETests.LiveChat;

/// <summary>Journey 3 as two people do it: a shopper on the demo store, an agent in the Live Chat panel.</summary>
[Collection(BrowserCollection.Name)]
public class LiveChatPanel_Tests(BrowserPlatformFactory server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 20_000 };
    private static readonly LocatorAssertionsToContainTextOptions SoonText = new() { Timeout = 20_000 };

    private const string OpenShadowRoots = """
        (() => {
          const attach = Element.prototype.attachShadow;
          Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: 'open' }); };
        })();
        """;

    [Fact]
    public async Task Should_hand_a_damaged_order_to_the_online_agent_who_picks_it_up_chats_and_closes()
    {
        var (widgetKey, ownerEmail) = await WidgetStore.CreateWithOwnerAsync(server.BaseAddress);
        await using var agentContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() });
        var agent = await agentContext.NewPageAsync();
        agent.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await agent.GotoAsync("/livechat");
        await agent.GetByLabel("Email").FillAsync(ownerEmail);
        await agent.GetByLabel("Password").FillAsync(WidgetStore.OwnerPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(agent.Locator("[data-connection]")).ToHaveTextAsync("Online", new() { Timeout = 20_000 });

        await using var shopperContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() });
        await shopperContext.AddInitScriptAsync(OpenShadowRoots);
        var shopper = await shopperContext.NewPageAsync();
        await shopper.GotoAsync($"/demo-store/{Uri.EscapeDataString(widgetKey)}");
        var launcher = shopper.GetByRole(AriaRole.Button, new() { Name = $"Chat with {WidgetStore.AssistantName}", Exact = true });
        await Assertions.Expect(launcher).ToBeVisibleAsync(Soon);
        await launcher.ClickAsync();
        var panel = shopper.GetByRole(AriaRole.Dialog, new() { Name = $"Chat with {WidgetStore.AssistantName}" });
        var composer = panel.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await composer.FillAsync("My order 1042 arrived today and the jacket is torn, I'm really disappointed");
        await composer.PressAsync("Enter");

        var queued = agent.GetByTestId("queue").Locator("li").First;
        await Assertions.Expect(queued).ToBeVisibleAsync(Soon);
        await Assertions.Expect(panel.Locator("[data-role='Assistant'][data-sequence]").Last).ToContainTextAsync("1042", SoonText);
        await BrowserFixture.ScreenshotAsync(shopper, "journey3-shopper-handoff");
        await queued.ClickAsync();
        await Assertions.Expect(agent.GetByTestId("summary")).ToContainTextAsync("1042", SoonText);
        await BrowserFixture.ScreenshotAsync(agent, "journey3-agent-queue");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Pick up" }).ClickAsync();

        await Assertions.Expect(panel.GetByText($"{WidgetStore.OwnerName} joined the chat.")).ToBeVisibleAsync(Soon);
        var reply = agent.GetByLabel("Reply to the shopper");
        await reply.FillAsync("I'm so sorry about the jacket — I'm sending a replacement today.");
        await reply.PressAsync("Enter");
        await Assertions.Expect(panel.GetByText("I'm sending a replacement today", new() { Exact = false })).ToBeVisibleAsync(Soon);
        await composer.FillAsync("Thank you so much!");
        await composer.PressAsync("Enter");
        await Assertions.Expect(agent.GetByTestId("history")).ToContainTextAsync("Thank you so much!", SoonText);
        await BrowserFixture.ScreenshotAsync(agent, "journey3-agent-chat");

        await agent.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        await Assertions.Expect(panel.GetByText("ended", new() { Exact = false }).First).ToBeVisibleAsync(Soon);
        await BrowserFixture.ScreenshotAsync(shopper, "journey6-shopper-ended");
    }
}
