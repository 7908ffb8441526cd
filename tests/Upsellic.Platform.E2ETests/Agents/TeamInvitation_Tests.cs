using Microsoft.Playwright;
using Upsellic.Platform.E2ETests.Infrastructure;

namespace Upsellic.Platform.E2ETests.Agents;

[Collection(BrowserCollection.Name)]
public class TeamInvitation_Tests(BrowserPlatformFactory server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public async Task Should_invite_an_agent_who_opens_the_link_sets_a_password_and_lands_signed_in()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var storeName = $"Juniper Tea {suffix}";
        var agentEmail = $"riley-{suffix}@junipertea.test";
        await using var ownerContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() });
        var owner = await ownerContext.NewPageAsync();
        await owner.GotoAsync("/account/sign-up");
        await owner.GetByLabel("Store name").FillAsync(storeName);
        await owner.GetByLabel("Your name").FillAsync("Jun Owner");
        await owner.GetByLabel("Work email").FillAsync($"owner-{suffix}@junipertea.test");
        await owner.GetByLabel("Password").FillAsync("Juniper-tea-2026");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Create store" }).ClickAsync();
        await Assertions.Expect(owner.GetByTestId("store-name")).ToHaveTextAsync(storeName);

        await owner.GotoAsync("/team");
        await owner.GetByLabel("Email").FillAsync(agentEmail);
        await owner.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("Agent");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        var link = owner.GetByTestId("accept-url");
        await Assertions.Expect(link).ToBeVisibleAsync(Soon);
        await Assertions.Expect(owner.Locator($"tr[data-invitation='{agentEmail}']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(owner, "team-invitation-sent");
        var acceptUrl = await link.TextContentAsync();

        await using var agentContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() });
        var agent = await agentContext.NewPageAsync();
        await agent.GotoAsync(acceptUrl!);
        await Assertions.Expect(agent.GetByTestId("invitation-store")).ToHaveTextAsync(storeName);
        await Assertions.Expect(agent.GetByTestId("invitation-email")).ToHaveTextAsync(agentEmail);
        await agent.GetByLabel("Your name").FillAsync("Riley Reyes");
        await agent.GetByLabel("Choose a password").FillAsync("Riley-agent-2026");
        await BrowserFixture.ScreenshotAsync(agent, "team-accept-invitation");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Join the team" }).ClickAsync();

        await Assertions.Expect(agent.GetByTestId("user-name")).ToHaveTextAsync("Riley Reyes");
        agent.Url.ShouldEndWith("/livechat");
        await BrowserFixture.ScreenshotAsync(agent, "team-agent-signed-in");

        await owner.GotoAsync("/team");
        var row = owner.Locator($"tr[data-member='{agentEmail}']");
        await Assertions.Expect(row).ToBeVisibleAsync(Soon);
        await Assertions.Expect(row).ToContainTextAsync("Riley Reyes");
        await Assertions.Expect(row).ToContainTextAsync("Agent");
        await Assertions.Expect(owner.GetByTestId("no-invitations")).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("presence")).ToHaveTextAsync("Online", new() { Timeout = 15_000 });
        await BrowserFixture.ScreenshotAsync(owner, "team-members");

        // The agent leaves Live Chat: the owner's open Team page says so without a reload.
        await agentContext.CloseAsync();
        await Assertions.Expect(row.GetByTestId("presence")).ToHaveTextAsync("Offline", new() { Timeout = 15_000 });
    }
}
