using Microsoft.Playwright;
using Upsellic.Platform.E2ETests.Infrastructure;

namespace Upsellic.Platform.E2ETests;

[Collection(BrowserCollection.Name)]
public class SignUpAndTenantAdmin_Tests(BrowserPlatformFactory server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public async Task Should_sign_up_land_in_the_dashboard_and_be_refused_once_the_admin_disables_the_store()
    {
        var storeName = $"Harbor Tea {Guid.NewGuid():N}"[..20];
        var email = $"owner-{Guid.NewGuid():N}@harbortea.test";
        await using var merchantContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() });
        var merchant = await merchantContext.NewPageAsync();

        await merchant.GotoAsync("/account/sign-up");
        await merchant.GetByLabel("Store name").FillAsync(storeName);
        await merchant.GetByLabel("Your name").FillAsync("Hana Harbor");
        await merchant.GetByLabel("Work email").FillAsync(email);
        await merchant.GetByLabel("Password").FillAsync("Harbor-tea-2026");
        await merchant.GetByRole(AriaRole.Button, new() { Name = "Create store" }).ClickAsync();

        await Assertions.Expect(merchant.GetByTestId("store-name")).ToHaveTextAsync(storeName);
        await Assertions.Expect(merchant.GetByTestId("user-name")).ToHaveTextAsync("Hana Harbor");
        await BrowserFixture.ScreenshotAsync(merchant, "signup-dashboard");

        await using var adminContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() });
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync("/admin/tenants");
        await admin.GetByLabel("Email").FillAsync(BrowserPlatformFactory.AdminEmail);
        await admin.GetByLabel("Password").FillAsync(BrowserPlatformFactory.AdminPassword);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var row = admin.Locator($"tr[data-tenant='{storeName}']");
        await Assertions.Expect(row).ToBeVisibleAsync(Soon);
        await row.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Assertions.Expect(row.GetByText("Disabled")).ToBeVisibleAsync(Soon);
        await BrowserFixture.ScreenshotAsync(admin, "admin-tenants");

        await merchant.ReloadAsync();

        await Assertions.Expect(merchant.GetByTestId("login-notice")).ToContainTextAsync("disabled");
        merchant.Url.ShouldContain("/account/login");
        await merchant.GetByLabel("Email").FillAsync(email);
        await merchant.GetByLabel("Password").FillAsync("Harbor-tea-2026");
        await merchant.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(merchant.Locator(".alert-error")).ToContainTextAsync("disabled by the platform administrator");
        await BrowserFixture.ScreenshotAsync(merchant, "disabled-store-login");
    }

    [Fact]
    public async Task Should_show_each_field_error_next_to_its_field_without_creating_the_store()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/account/sign-up");
        await page.GetByLabel("Work email").FillAsync("not-an-email");
        await page.GetByLabel("Password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create store" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.StoreName']")).ToContainTextAsync("name of your store");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Email']")).ToContainTextAsync("valid email");
        page.Url.ShouldContain("/account/sign-up");
        await BrowserFixture.ScreenshotAsync(page, "signup-errors");
    }
}
