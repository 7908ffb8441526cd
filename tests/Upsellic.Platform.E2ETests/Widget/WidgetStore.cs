using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upsellic.Platform.E2ETests.Widget;

/// <summary>
/// A merchant's store set up through the public API, as a merchant would: sign-up, widget settings (assistant name,
/// brand colour, the demo store's origin allowed) and a little knowledge, so the widget has something to answer from.
/// </summary>
public static class WidgetStore
{
    public const string AssistantName = "Trail Guide";
    public const string BrandColor = "#0f766e";
    public const string BrandColorRgb = "rgb(15, 118, 110)";
    public const string Greeting = "Hi! I'm the Ridgeline trail guide. Ask me about gear, sizing or shipping.";
    public const string ShippingPolicy =
        "Standard shipping is free on orders over $75 and arrives in 3-5 business days. " +
        "Express shipping costs $15 and arrives in 1-2 business days. We ship from Bend, Oregon, Monday to Friday.";

    public const string OwnerName = "Rae Ridgeline";
    public const string OwnerPassword = "Ridgeline-pass-2026";

    /// <summary>Creates the store and returns its widget key.</summary>
    public static async Task<string> CreateAsync(Uri baseAddress) => (await CreateWithOwnerAsync(baseAddress)).WidgetKey;

    /// <summary>Creates the store and returns its widget key and the owner's sign-in email (password <see cref="OwnerPassword"/>).</summary>
    public static async Task<(string WidgetKey, string OwnerEmail)> CreateWithOwnerAsync(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        var email = $"owner-{Guid.NewGuid():N}@ridgeline.test";
        const string password = OwnerPassword;

        var signUp = await client.PostAsJsonAsync("/api/account/sign-up", new
        {
            storeName = $"Ridgeline {Guid.NewGuid():N}"[..20],
            name = OwnerName,
            email,
            password,
        });
        await ShouldSucceedAsync(signUp, "sign-up");
        var token = await client.PostAsJsonAsync("/api/account/token", new { email, password });
        await ShouldSucceedAsync(token, "token");
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        var settings = await client.GetFromJsonAsync<JsonObject>("/api/widget-settings")
            ?? throw new InvalidOperationException("GET /api/widget-settings answered no body.");
        var widgetKey = settings["widgetKey"]!.GetValue<string>();
        settings.Remove("widgetKey");
        settings["liveChatEnabled"] = true;
        settings["assistantName"] = AssistantName;
        settings["greeting"] = Greeting;
        settings["brandColor"] = BrandColor;
        settings["position"] = "bottom-right";
        // The demo store page is served by the host itself, so its origin is the host's.
        settings["allowedOrigins"] = new JsonArray(baseAddress.GetLeftPart(UriPartial.Authority));
        settings["channels"]!["whatsApp"] = new JsonObject { ["enabled"] = true, ["label"] = "WhatsApp", ["value"] = "+14155550123" };
        settings["channels"]!["email"] = new JsonObject { ["enabled"] = true, ["label"] = "Email us", ["value"] = "help@ridgeline.example" };
        await ShouldSucceedAsync(await client.PutAsJsonAsync("/api/widget-settings", settings), "widget settings");

        var knowledge = new
        {
            store = new { name = "Ridgeline Outfitters", description = "Outdoor apparel and gear for hikers.", currency = "USD" },
            policies = new[]
            {
                new { topic = "shipping", text = ShippingPolicy },
                new { topic = "returns", text = "Unworn items with tags can be returned within 30 days for a full refund." },
            },
            faq = new[]
            {
                new { question = "How long does delivery take?", answer = "Standard delivery takes 3-5 business days; express takes 1-2 business days." },
            },
            products = new[]
            {
                new
                {
                    sku = "CASCADE-SHELL", name = "Cascade 3L Rain Shell", description = "Waterproof, breathable three-layer jacket.",
                    price = 189.0m, url = "https://ridgeline.example/products/cascade-shell",
                    attributes = new Dictionary<string, string> { ["waterproof"] = "yes", ["fit"] = "regular" },
                    variants = new[] { new { name = "M", inStock = true }, new { name = "L", inStock = false } },
                },
            },
            orders = Array.Empty<object>(),
        };
        await ShouldSucceedAsync(await client.PutAsJsonAsync("/api/knowledge", knowledge), "knowledge");
        return (widgetKey, email);
    }

    private static async Task ShouldSucceedAsync(HttpResponseMessage response, string step) =>
        response.IsSuccessStatusCode.ShouldBeTrue($"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
}
