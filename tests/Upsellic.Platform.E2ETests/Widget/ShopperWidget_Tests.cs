using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Upsellic.Platform.E2ETests.Infrastructure;

namespace Upsellic.Platform.E2ETests.Widget;

/// <summary>A shopper on the demo store page, using the widget exactly as it is embedded in a merchant's store.</summary>
[Collection(BrowserCollection.Name)]
public class ShopperWidget_Tests(BrowserPlatformFactory server, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    /// <summary>
    /// The widget's shadow root is closed, which also hides it from Playwright's selectors. The tests open it at
    /// creation time (same markup, same styles, same isolation from the page's CSS) so they can look inside.
    /// </summary>
    private const string OpenShadowRoots = """
        (() => {
          const attach = Element.prototype.attachShadow;
          Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: 'open' }); };
        })();
        """;

    private string _widgetKey = string.Empty;

    public async Task InitializeAsync() => _widgetKey = await WidgetStore.CreateAsync(server.BaseAddress);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Should_answer_a_shipping_question_asked_on_the_demo_store()
    {
        await using var context = await NewShopperAsync();
        var page = await OpenDemoStoreAsync(context);

        await Launcher(page).ClickAsync();
        await Assertions.Expect(Panel(page)).ToBeVisibleAsync(Soon);
        await Assertions.Expect(Greeting(page)).ToBeVisibleAsync(Soon);
        await AskAsync(page, "How long does shipping take?");

        await Assertions.Expect(ShopperMessages(page)).ToHaveTextAsync(["How long does shipping take?"]);
        await Assertions.Expect(AnswerMentioningShipping(page)).ToBeVisibleAsync(Soon);
        await BrowserFixture.ScreenshotAsync(page, "widget-shipping-answer");
    }

    [Fact]
    public async Task Should_bring_the_whole_conversation_back_after_a_reload_without_doubles()
    {
        await using var context = await NewShopperAsync();
        var page = await OpenDemoStoreAsync(context);
        await Launcher(page).ClickAsync();
        await AskAsync(page, "Do you ship express?");
        await Assertions.Expect(AnswerMentioningShipping(page)).ToBeVisibleAsync(Soon);
        var before = await StoredMessages(page).AllInnerTextsAsync();

        await page.ReloadAsync();

        // The panel was open when the page went away: it comes back open, with the stored conversation.
        await Assertions.Expect(Panel(page)).ToBeVisibleAsync(Soon);
        await Assertions.Expect(AnswerMentioningShipping(page)).ToBeVisibleAsync(Soon);
        await Assertions.Expect(StoredMessages(page)).ToHaveCountAsync(before.Count);
        // Give the live connection time to connect and resync: whatever it merges must not double anything.
        await page.WaitForTimeoutAsync(2_000);
        (await StoredMessages(page).AllInnerTextsAsync()).ShouldBe(before);
        await Assertions.Expect(ShopperMessages(page)).ToHaveTextAsync(["Do you ship express?"]);
        await BrowserFixture.ScreenshotAsync(page, "widget-after-reload");
    }

    [Fact]
    public async Task Should_show_markup_typed_by_the_shopper_as_text()
    {
        const string markup = "<img src=x onerror=alert(1)>";
        await using var context = await NewShopperAsync();
        var page = await OpenDemoStoreAsync(context);
        var alerted = false;
        page.Dialog += async (_, dialog) =>
        {
            alerted = true;
            await dialog.DismissAsync();
        };

        await Launcher(page).ClickAsync();
        await AskAsync(page, markup);

        await Assertions.Expect(ShopperMessages(page)).ToHaveTextAsync([markup]);
        await Assertions.Expect(Panel(page).Locator("[data-role='Assistant'][data-sequence]").First).ToBeVisibleAsync(Soon);
        await Assertions.Expect(Panel(page).Locator("img")).ToHaveCountAsync(0);
        alerted.ShouldBeFalse();
        await BrowserFixture.ScreenshotAsync(page, "widget-markup-as-text");
    }

    [Fact]
    public async Task Should_open_and_close_the_chat_with_the_keyboard_alone()
    {
        await using var context = await NewShopperAsync();
        var page = await OpenDemoStoreAsync(context);
        var launcher = Launcher(page);

        // The launcher is reachable with Tab from the top of the store page.
        for (var presses = 0; presses < 40 && !await IsFocusedAsync(launcher); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        (await IsFocusedAsync(launcher)).ShouldBeTrue("Tab never reached the chat launcher");
        await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Panel(page)).ToBeVisibleAsync(Soon);
        await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(Composer(page)).ToBeFocusedAsync();
        await Assertions.Expect(Panel(page).GetByRole(AriaRole.Log)).ToHaveAttributeAsync("aria-live", "polite");

        await page.Keyboard.TypeAsync("Two lines");
        await page.Keyboard.PressAsync("Shift+Enter");
        await page.Keyboard.TypeAsync("in one message");
        await Assertions.Expect(Composer(page)).ToHaveValueAsync("Two lines\nin one message");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(ShopperMessages(page)).ToHaveTextAsync(["Two lines\nin one message"]);
        await Assertions.Expect(Composer(page)).ToHaveValueAsync(string.Empty);
        await BrowserFixture.ScreenshotAsync(page, "widget-keyboard");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Panel(page)).ToBeHiddenAsync();
        await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(launcher).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(Panel(page)).ToBeVisibleAsync(Soon);
        await Assertions.Expect(Composer(page)).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Should_keep_the_widget_font_and_colours_when_the_store_css_forces_its_own_everywhere()
    {
        await using var context = await NewShopperAsync();
        var page = await OpenDemoStoreAsync(context);

        // The store's stylesheet really is hostile: serif everywhere, buttons unset, dialogs hidden.
        (await page.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily")).ShouldStartWith("Georgia");
        await Launcher(page).ClickAsync();

        await Assertions.Expect(Panel(page)).ToBeVisibleAsync(Soon);
        var widgetFont = new Regex("^system-ui");
        await Assertions.Expect(Launcher(page)).ToHaveCSSAsync("font-family", widgetFont);
        await Assertions.Expect(Composer(page)).ToHaveCSSAsync("font-family", widgetFont);
        await Assertions.Expect(Greeting(page)).ToHaveCSSAsync("font-family", widgetFont);
        await Assertions.Expect(Launcher(page)).ToHaveCSSAsync("background-color", WidgetStore.BrandColorRgb);
        await Assertions.Expect(Composer(page)).Not.ToHaveCSSAsync("border-top-style", "dashed");
        await BrowserFixture.ScreenshotAsync(page, "widget-store-css");
    }

    [Fact]
    public async Task Should_fill_a_phone_screen_with_the_open_chat()
    {
        await using var context = await NewShopperAsync(new ViewportSize { Width = 375, Height = 740 });
        var page = await OpenDemoStoreAsync(context);

        await Launcher(page).ClickAsync();
        await Assertions.Expect(Panel(page)).ToBeVisibleAsync(Soon);

        var box = (await Panel(page).BoundingBoxAsync())!;
        (box.X, box.Y, box.Width, box.Height).ShouldBe((0f, 0f, 375f, 740f));
        await Assertions.Expect(Composer(page)).ToBeFocusedAsync();
        await BrowserFixture.ScreenshotAsync(page, "widget-phone");
    }

    private async Task<IBrowserContext> NewShopperAsync(ViewportSize? viewport = null)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
        });
        await context.AddInitScriptAsync(OpenShadowRoots);
        return context;
    }

    private async Task<IPage> OpenDemoStoreAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/demo-store/{Uri.EscapeDataString(_widgetKey)}");
        await Assertions.Expect(Launcher(page)).ToBeVisibleAsync(Soon);
        return page;
    }

    private static async Task AskAsync(IPage page, string text)
    {
        await Composer(page).FillAsync(text);
        await Composer(page).PressAsync("Enter");
    }

    private static Task<bool> IsFocusedAsync(ILocator locator) =>
        locator.EvaluateAsync<bool>("element => element.getRootNode().activeElement === element");

    /// <summary>The launcher; its name gains "(N new)" when a reply arrives while the chat is closed.</summary>
    private static ILocator Launcher(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^Chat with {Regex.Escape(WidgetStore.AssistantName)}( \\(\\d+\\+? new\\))?$") });

    private static ILocator Panel(IPage page) =>
        page.GetByRole(AriaRole.Dialog, new() { Name = $"Chat with {WidgetStore.AssistantName}" });

    private static ILocator Composer(IPage page) => Panel(page).GetByRole(AriaRole.Textbox, new() { Name = "Message" });

    /// <summary>The greeting bubble; the first visible one, since the server may also store the greeting as a message.</summary>
    private static ILocator Greeting(IPage page) =>
        Panel(page).Locator(".up-bubble", new() { HasText = WidgetStore.Greeting }).Filter(new() { Visible = true }).First;

    /// <summary>Messages the server has stored (they carry their sequence); optimistic copies do not count.</summary>
    private static ILocator StoredMessages(IPage page) => Panel(page).Locator("[data-sequence]");

    private static ILocator ShopperMessages(IPage page) => Panel(page).Locator("[data-role='Shopper'] .up-bubble");

    private static ILocator AnswerMentioningShipping(IPage page) =>
        Panel(page).Locator("[data-role='Assistant'][data-sequence]", new() { HasTextRegex = new Regex("business days") });
}
