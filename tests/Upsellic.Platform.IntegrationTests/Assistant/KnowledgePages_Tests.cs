using System.Net;
using System.Net.Http.Json;
using Upsellic.Platform.IntegrationTests.Infrastructure;

namespace Upsellic.Platform.IntegrationTests.Assistant;

public class KnowledgePages_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    [Fact]
    public async Task Should_show_the_stores_knowledge_on_the_dashboard_pages()
    {
        // Sign-up signs the browser in with the dashboard cookie, which this client keeps.
        var browser = CreateClient();
        await browser.SignUpAsync("Peak Gear", "owner@peak.test");
        var put = await browser.PutAsJsonAsync("/api/knowledge", new
        {
            store = new { name = "Peak Gear", currency = "USD" },
            policies = new[] { new { topic = "Shipping", text = "We ship in 2 days." } },
            products = new[] { new { sku = "PG-1", name = "Alpine <b>Jacket</b>", price = 120m, variants = new[] { new { name = "M", inStock = true } } } },
            orders = new[] { new { number = "PG-1001", email = "ann@example.com", status = "Delayed", items = new[] { new { name = "Alpine Jacket", quantity = 1 } }, placedAt = "2026-03-01T10:00:00Z" } },
        });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var overview = await browser.GetStringAsync("/knowledge");
        overview.ShouldContain("We ship in 2 days.");
        overview.ShouldContain("Save policies and FAQ");

        var products = await browser.GetStringAsync("/knowledge/products?q=alpine");
        products.ShouldContain("Alpine &lt;b&gt;Jacket&lt;/b&gt;"); // shown as text, never as markup
        products.ShouldContain("import-progress");

        var orders = await browser.GetStringAsync("/knowledge/orders?status=delayed");
        orders.ShouldContain("PG-1001");
        orders.ShouldContain("Delayed");
    }
}
