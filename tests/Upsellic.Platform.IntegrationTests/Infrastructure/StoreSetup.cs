using System.Net;
using System.Net.Http.Json;

namespace Upsellic.Platform.IntegrationTests.Infrastructure;

/// <summary>A store signed up through the API with widget settings and a small, realistic knowledge base.</summary>
public sealed record TestStore(Guid TenantId, HttpClient Owner, string WidgetKey);

public static class StoreSetup
{
    public static Task<TestStore> CreateStoreAsync(this PlatformTestBase test, HttpClient anonymous, string storeName, string email) =>
        CreateStoreAsync(test.NewClient, anonymous, storeName, email);

    /// <summary>The same on a host of its own (<paramref name="newClient"/> gives a fresh client of that host).</summary>
    public static async Task<TestStore> CreateStoreAsync(Func<HttpClient> newClient, HttpClient anonymous, string storeName, string email)
    {
        var signUp = await anonymous.SignUpAsync(storeName, email);
        var owner = await newClient().AuthorizeAsync(email);
        var settings = await owner.PutAsJsonAsync("/api/widget-settings", new
        {
            liveChatEnabled = true,
            assistantName = "Ava",
            greeting = $"Hi! Welcome to {storeName}.",
            brandColor = "#0EA5E9",
            position = "bottom-right",
            allowedOrigins = Array.Empty<string>(),
            channels = new
            {
                whatsApp = new { enabled = true, label = "WhatsApp", value = "+14155550123" },
                messenger = new { enabled = false, label = "", value = "" },
                email = new { enabled = true, label = "Email us", value = "help@trailhead.test" },
                phone = new { enabled = false, label = "", value = "" },
                contactForm = new { enabled = false, label = "", value = "" },
            },
        });
        settings.StatusCode.ShouldBe(HttpStatusCode.OK, await settings.Content.ReadAsStringAsync());
        var key = (await settings.ReadJsonAsync()).GetProperty("widgetKey").GetString()!;
        var knowledge = await owner.PutAsJsonAsync("/api/knowledge", Knowledge(storeName));
        knowledge.StatusCode.ShouldBe(HttpStatusCode.OK, await knowledge.Content.ReadAsStringAsync());
        return new TestStore(signUp.TenantId, owner, key);
    }

    public static object Knowledge(string storeName) => new
    {
        store = new { name = storeName, description = "Outdoor gear for hikers and campers.", currency = "USD" },
        policies = new[]
        {
            new { topic = "shipping", text = "Standard shipping takes 3-5 business days within the US and costs $5.95; it is free on orders over $75. Express shipping takes 1-2 business days for $14.95. We ship to Canada in 6-10 business days." },
            new { topic = "returns", text = "You can return unworn items within 30 days of delivery for a full refund. Return shipping is free for exchanges." },
            new { topic = "payment", text = "We accept Visa, Mastercard, American Express, PayPal and Apple Pay." },
            new { topic = "warranty", text = "All footwear and jackets carry a 2-year warranty against manufacturing defects." },
        },
        faq = new[]
        {
            new { question = "Do you have a physical store?", answer = "Yes, our flagship store is at 12 Pine Street, Portland, open 10am to 6pm daily." },
        },
        products = new object[]
        {
            new
            {
                sku = "JKT-STORM", name = "Stormline Rain Jacket", description = "A light 3-layer waterproof shell for hiking.", price = 189.00m,
                url = "https://trailhead.test/p/stormline",
                attributes = new Dictionary<string, string> { ["material"] = "3-layer nylon", ["waterproof"] = "20,000 mm", ["weight"] = "340 g", ["fit"] = "regular" },
                variants = new[] { new { name = "S", inStock = true }, new { name = "M", inStock = true }, new { name = "L", inStock = false } },
            },
            new
            {
                sku = "BT-SUMMIT", name = "Summit Hiking Boot", description = "Leather mid boot with a Vibram sole.", price = 229.00m,
                url = "https://trailhead.test/p/summit",
                attributes = new Dictionary<string, string> { ["material"] = "full-grain leather", ["waterproof"] = "yes", ["fit"] = "runs half a size small" },
                variants = new[] { new { name = "42", inStock = true }, new { name = "43", inStock = false }, new { name = "44", inStock = true } },
            },
            new
            {
                sku = "PK-DAY28", name = "Ridge 28L Daypack", description = "A 28 litre daypack with a hydration sleeve.", price = 99.00m,
                url = "https://trailhead.test/p/ridge28",
                attributes = new Dictionary<string, string> { ["capacity"] = "28 L", ["compatible with"] = "hydration bladders up to 3 L" },
                variants = new[] { new { name = "One size", inStock = true } },
            },
        },
        orders = new[]
        {
            new
            {
                number = "1042", email = "sam@example.com", status = "Shipped", carrier = "UPS", trackingNumber = "1Z999AA10123456784",
                items = new[] { new { sku = "BT-SUMMIT", name = "Summit Hiking Boot", quantity = 1 } },
                placedAt = DateTimeOffset.Parse("2026-11-18T10:00:00Z"), estimatedDelivery = DateTimeOffset.Parse("2026-11-27T00:00:00Z"),
            },
        },
    };
}
