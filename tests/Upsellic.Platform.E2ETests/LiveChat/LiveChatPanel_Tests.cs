using Microsoft.Playwright;
using Upsellic.Platform.E2ETests.Infrastructure;
using Upsellic.Platform.E2ETests.Widget;

namespace Upsellic.Platform.E2ETests.LiveChat;

/// <summary>Journeys 3 to 6 as two people do them: a shopper on the demo store, an agent in the Live Chat panel.</summary>
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
        var agent = await SignInToLiveChatAsync(agentContext, ownerEmail);
        await using var shopperContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() });
        var (shopper, panel, composer) = await OpenWidgetAsync(shopperContext, widgetKey);
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
        await Assertions.Expect(agent.GetByTestId("shopper-typing")).ToBeVisibleAsync(Soon);
        await composer.PressAsync("Enter");
        await Assertions.Expect(agent.GetByTestId("history")).ToContainTextAsync("Thank you so much!", SoonText);
        await BrowserFixture.ScreenshotAsync(agent, "journey3-agent-chat");

        await agent.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        await Assertions.Expect(panel.GetByText("ended", new() { Exact = false }).First).ToBeVisibleAsync(Soon);
        await BrowserFixture.ScreenshotAsync(shopper, "journey6-shopper-ended");
    }

    [Fact]
    public async Task Should_show_the_channels_when_nobody_answers_in_time_and_still_deliver_the_late_agent_reply()
    {
        var (widgetKey, ownerEmail) = await WidgetStore.CreateWithOwnerAsync(server.BaseAddress);
        await using var agentContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() });
        var agent = await SignInToLiveChatAsync(agentContext, ownerEmail);
        await using var shopperContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() });
        var (shopper, panel, composer) = await OpenWidgetAsync(shopperContext, widgetKey);

        await composer.FillAsync("my parcel for order 2210 never arrived and tracking hasn't moved in 10 days");
        await composer.PressAsync("Enter");
        await Assertions.Expect(agent.GetByTestId("queue").Locator("li").First).ToBeVisibleAsync(Soon);
        var channels = panel.GetByTestId("contact-channels");
        await Assertions.Expect(panel.Locator("[data-role='Assistant'][data-sequence]").Last).ToContainTextAsync("2210", SoonText);
        await Assertions.Expect(channels).ToBeHiddenAsync();

        // Nobody answers: the pickup timeout (10 s in these tests) shows the store's other channels by itself.
        await Assertions.Expect(channels).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(channels.GetByRole(AriaRole.Link, new() { Name = "WhatsApp" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^https://wa\.me/14155550123\?text=.*ref"));
        await Assertions.Expect(channels.GetByRole(AriaRole.Link, new() { Name = "Email us" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^mailto:help@ridgeline\\.example\\?subject="));
        await BrowserFixture.ScreenshotAsync(shopper, "journey4-shopper-channels-after-timeout");

        await agent.GetByTestId("queue").Locator("li").First.ClickAsync();
        var reply = agent.GetByLabel("Reply to the shopper");
        await reply.FillAsync("So sorry for the wait, I'm chasing the carrier for order 2210 right now.");
        await reply.PressAsync("Enter");

        await Assertions.Expect(panel.GetByText("chasing the carrier", new() { Exact = false })).ToBeVisibleAsync(Soon);
        await BrowserFixture.ScreenshotAsync(shopper, "journey4-shopper-late-reply");
    }

    [Fact]
    public async Task Should_answer_with_empathy_and_the_channels_at_once_when_no_agent_is_online()
    {
        var (widgetKey, _) = await WidgetStore.CreateWithOwnerAsync(server.BaseAddress);
        await using var shopperContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() });
        var (shopper, panel, composer) = await OpenWidgetAsync(shopperContext, widgetKey);

        await composer.FillAsync("I want to return the rain shell from order 3307, it leaks and I'm really unhappy");
        await composer.PressAsync("Enter");

        await Assertions.Expect(panel.Locator("[data-role='Assistant'][data-sequence]").Last).ToContainTextAsync("3307", SoonText);
        // With the reply, not after a wait: the pickup timeout (10 s here) has nothing to do with it.
        var channels = panel.GetByTestId("contact-channels");
        await Assertions.Expect(channels).ToBeVisibleAsync(new() { Timeout = 3_000 });
        await Assertions.Expect(channels.GetByRole(AriaRole.Link, new() { Name = "WhatsApp" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(shopper, "journey5-shopper-channels-no-agent");
    }

    private static async Task<IPage> SignInToLiveChatAsync(IBrowserContext context, string email)
    {
        var agent = await context.NewPageAsync();
        agent.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await agent.GotoAsync("/livechat");
        await agent.GetByLabel("Email").FillAsync(email);
        await agent.GetByLabel("Password").FillAsync(WidgetStore.OwnerPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(agent.Locator("[data-connection]")).ToHaveTextAsync("Online", new() { Timeout = 20_000 });
        return agent;
    }

    private static async Task<(IPage Page, ILocator Panel, ILocator Composer)> OpenWidgetAsync(IBrowserContext context, string widgetKey)
    {
        await context.AddInitScriptAsync(OpenShadowRoots);
        var shopper = await context.NewPageAsync();
        await shopper.GotoAsync($"/demo-store/{Uri.EscapeDataString(widgetKey)}");
        var launcher = shopper.GetByRole(AriaRole.Button, new() { Name = $"Chat with {WidgetStore.AssistantName}", Exact = true });
        await Assertions.Expect(launcher).ToBeVisibleAsync(Soon);
        await launcher.ClickAsync();
        var panel = shopper.GetByRole(AriaRole.Dialog, new() { Name = $"Chat with {WidgetStore.AssistantName}" });
        return (shopper, panel, panel.GetByRole(AriaRole.Textbox, new() { Name = "Message" }));
    }
}
