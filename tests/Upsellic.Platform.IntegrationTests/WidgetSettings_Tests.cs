using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Upsellic.Platform.IntegrationTests.Infrastructure;

namespace Upsellic.Platform.IntegrationTests;

public class WidgetSettings_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    private static object Settings(object? channels = null, string[]? origins = null, string brandColor = "#0EA5E9") => new
    {
        liveChatEnabled = true,
        assistantName = "Ava",
        greeting = "Hi! How can I help?",
        brandColor,
        position = "bottom-left",
        allowedOrigins = origins ?? ["https://shop.example.com"],
        channels = channels ?? new
        {
            whatsApp = new { enabled = true, label = "WhatsApp us", value = "+14155550123" },
            messenger = new { enabled = true, label = (string?)null, value = "bluefern.shop" },
            email = new { enabled = true, label = "Email", value = "help@bluefern.test" },
            phone = new { enabled = false, label = "Call", value = (string?)null },
            contactForm = new { enabled = true, label = "Form", value = "https://bluefern.test/contact" },
        },
    };

    [Fact]
    public async Task Should_create_a_widget_with_an_unguessable_key_and_save_settings()
    {
        await CreateClient().SignUpAsync("Blue Fern", "owner@bluefern.test");
        var owner = await CreateClient().AuthorizeAsync("owner@bluefern.test");

        var initial = await (await owner.GetAsync("/api/widget-settings")).ReadJsonAsync();
        var key = initial.GetProperty("widgetKey").GetString()!;
        key.Length.ShouldBeGreaterThanOrEqualTo(32);
        initial.GetProperty("greeting").GetString()!.ShouldContain("Blue Fern");

        var saved = await owner.PutAsJsonAsync("/api/widget-settings", Settings());

        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await saved.ReadJsonAsync();
        body.GetProperty("widgetKey").GetString().ShouldBe(key);
        body.GetProperty("position").GetString().ShouldBe("bottom-left");
        body.GetProperty("brandColor").GetString().ShouldBe("#0EA5E9");
        body.GetProperty("channels").GetProperty("messenger").GetProperty("label").GetString().ShouldBe("Messenger");
        var again = await (await owner.GetAsync("/api/widget-settings")).ReadJsonAsync();
        again.GetProperty("allowedOrigins")[0].GetString().ShouldBe("https://shop.example.com");
    }

    [Theory]
    [InlineData("contactForm", "javascript:alert(1)")]
    [InlineData("contactForm", "http://bluefern.test/contact")]
    [InlineData("whatsApp", "0044 20 1234")]
    [InlineData("phone", "+0123")]
    [InlineData("email", "help at bluefern")]
    [InlineData("messenger", "m.me/x y")]
    public async Task Should_refuse_a_malformed_channel_and_change_nothing(string channel, string value)
    {
        await CreateClient().SignUpAsync("Strict Fern", "strict@fern.test");
        var owner = await CreateClient().AuthorizeAsync("strict@fern.test");
        var before = await owner.GetStringAsync("/api/widget-settings");
        var channels = new Dictionary<string, object>
        {
            ["whatsApp"] = new { enabled = false, label = "", value = "" },
            ["messenger"] = new { enabled = false, label = "", value = "" },
            ["email"] = new { enabled = false, label = "", value = "" },
            ["phone"] = new { enabled = false, label = "", value = "" },
            ["contactForm"] = new { enabled = false, label = "", value = "" },
        };
        channels[channel] = new { enabled = true, label = "Go", value };

        var response = await owner.PutAsJsonAsync("/api/widget-settings", Settings(channels));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldContain($"channels.{channel}.value");
        (await owner.GetStringAsync("/api/widget-settings")).ShouldBe(before);
    }

    [Fact]
    public async Task Should_refuse_bad_colour_origin_and_empty_name_with_field_errors()
    {
        await CreateClient().SignUpAsync("Odd Fern", "odd@fern.test");
        var owner = await CreateClient().AuthorizeAsync("odd@fern.test");

        var response = await owner.PutAsJsonAsync("/api/widget-settings", new
        {
            liveChatEnabled = true,
            assistantName = "",
            greeting = "Hi",
            brandColor = "red",
            position = "bottom-right",
            allowedOrigins = new[] { "https://shop.example.com/path" },
            channels = (object?)null,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var fields = (await response.ReadJsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        fields.ShouldContain("assistantName");
        fields.ShouldContain("brandColor");
        fields.ShouldContain("allowedOrigins[0]");
        fields.ShouldContain("channels");
    }

    [Fact]
    public async Task Should_answer_the_public_settings_for_a_key_and_refuse_a_rotated_one()
    {
        await CreateClient().SignUpAsync("Key Fern", "key@fern.test");
        var owner = await CreateClient().AuthorizeAsync("key@fern.test");
        await owner.PutAsJsonAsync("/api/widget-settings", Settings(origins: []));
        var oldKey = (await (await owner.GetAsync("/api/widget-settings")).ReadJsonAsync()).GetProperty("widgetKey").GetString()!;

        var publicSettings = await WidgetGetAsync("/api/widget/settings", oldKey);
        publicSettings.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await publicSettings.ReadJsonAsync();
        body.GetProperty("assistantName").GetString().ShouldBe("Ava");
        body.TryGetProperty("widgetKey", out _).ShouldBeFalse();
        body.TryGetProperty("channels", out _).ShouldBeFalse();

        var rotated = await (await owner.PostAsync("/api/widget-settings/rotate-key", null)).ReadJsonAsync();

        var newKey = rotated.GetProperty("widgetKey").GetString()!;
        newKey.ShouldNotBe(oldKey);
        var refused = await WidgetGetAsync("/api/widget/settings", oldKey);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refused.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe("Widget:UnknownKey");
        (await WidgetGetAsync("/api/widget/settings", newKey)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_refuse_an_origin_the_store_does_not_allow_and_a_disabled_store()
    {
        var store = await CreateClient().SignUpAsync("Origin Fern", "origin@fern.test");
        var owner = await CreateClient().AuthorizeAsync("origin@fern.test");
        await owner.PutAsJsonAsync("/api/widget-settings", Settings(origins: ["https://shop.example.com"]));
        var key = (await (await owner.GetAsync("/api/widget-settings")).ReadJsonAsync()).GetProperty("widgetKey").GetString()!;

        (await WidgetGetAsync("/api/widget/settings", key, origin: "https://shop.example.com")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var foreign = await WidgetGetAsync("/api/widget/settings", key, origin: "https://evil.example.net");
        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await foreign.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe("Widget:OriginNotAllowed");

        var admin = await CreateClient().AuthorizeAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        await admin.PostAsync($"/api/admin/tenants/{store.TenantId}/disable", null);

        var disabled = await WidgetGetAsync("/api/widget/settings", key, origin: "https://shop.example.com");
        disabled.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await disabled.ReadJsonAsync()).GetProperty("title").GetString()!.ShouldContain("not available");
    }

    [Fact]
    public async Task Should_keep_widget_settings_to_owners_and_admins_of_the_store()
    {
        (await CreateClient().GetAsync("/api/widget-settings")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var admin = await CreateClient().AuthorizeAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        (await admin.GetAsync("/api/widget-settings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_show_the_snippet_with_the_key_on_the_widget_page()
    {
        var merchant = CreateClient();
        await merchant.SignUpAsync("Snippet Fern", "snippet@fern.test");
        var key = (await (await merchant.GetAsync("/api/widget-settings")).ReadJsonAsync()).GetProperty("widgetKey").GetString()!;

        var page = await merchant.GetStringAsync("/widget");

        page.ShouldContain("/widget/v1/loader.js");
        page.ShouldContain($"data-key=&quot;{key}&quot;");
        page.ShouldContain($"/demo-store/{key}");
    }

    private async Task<HttpResponseMessage> WidgetGetAsync(string path, string key, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Widget-Key", key);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await CreateClient().SendAsync(request);
    }
}
