using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Upsellic.Assistant;
using Upsellic.Assistant.Data;
using Upsellic.Assistant.EntityFrameworkCore;
using Upsellic.Framework.MultiTenancy;
using Upsellic.Platform.IntegrationTests.Infrastructure;
using Upsellic.Saas;

namespace Upsellic.Platform.IntegrationTests.Assistant;

public class Knowledge_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    private static object Document(string storeName = "Peak Gear", decimal price = 120m) => new
    {
        store = new { name = storeName, description = "Outdoor gear", currency = "USD" },
        policies = new[] { new { topic = "Shipping", text = "Standard shipping takes 3-5 business days and costs $5." } },
        faq = new[] { new { question = "Do you ship abroad?", answer = "Yes, to Canada in 7 days." } },
        products = new[]
        {
            new
            {
                sku = "PG-1", name = "Alpine Jacket", description = "A waterproof jacket.", price, url = "https://peak.example/alpine",
                attributes = new Dictionary<string, string> { ["waterproof rating"] = "20,000 mm" },
                variants = new[] { new { name = "M", inStock = true }, new { name = "L", inStock = false } },
            },
        },
        orders = new[]
        {
            new
            {
                number = "PG-1001", email = "ann@example.com", status = "Shipped", carrier = "UPS", trackingNumber = "1Z1",
                items = new[] { new { sku = "PG-1", name = "Alpine Jacket", quantity = 1 } },
                placedAt = DateTimeOffset.Parse("2026-03-01T10:00:00Z"), estimatedDelivery = DateTimeOffset.Parse("2026-03-05T00:00:00Z"),
            },
        },
    };

    /// <summary>
    /// The new store's Owner, calling the API with the dashboard cookie that sign-up sets: one request to the
    /// rate-limited account endpoints per store, which all tests of the run share.
    /// </summary>
    private async Task<(HttpClient Client, SignUpResult Store)> OwnerAsync(string store, string email)
    {
        var client = CreateClient();
        var result = await client.SignUpAsync(store, email);
        return (client, result);
    }

    [Fact]
    public async Task Should_replace_the_knowledge_and_read_it_back()
    {
        var (owner, _) = await OwnerAsync("Peak Gear", "owner@peak.test");

        var put = await owner.PutAsJsonAsync("/api/knowledge", Document());
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var counts = await put.ReadJsonAsync();
        counts.GetProperty("policies").GetInt32().ShouldBe(1);
        counts.GetProperty("faq").GetInt32().ShouldBe(1);
        counts.GetProperty("products").GetInt32().ShouldBe(1);
        counts.GetProperty("orders").GetInt32().ShouldBe(1);

        var document = await (await owner.GetAsync("/api/knowledge")).ReadJsonAsync();
        document.GetProperty("store").GetProperty("name").GetString().ShouldBe("Peak Gear");
        var product = document.GetProperty("products")[0];
        product.GetProperty("sku").GetString().ShouldBe("PG-1");
        product.GetProperty("attributes").GetProperty("waterproof rating").GetString().ShouldBe("20,000 mm");
        product.GetProperty("variants")[1].GetProperty("inStock").GetBoolean().ShouldBeFalse();
        document.GetProperty("orders")[0].GetProperty("status").GetString().ShouldBe("Shipped");

        // A second document replaces the first one whole.
        (await owner.PutAsJsonAsync("/api/knowledge", new { store = new { name = "Peak Gear", currency = "EUR" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var replaced = await (await owner.GetAsync("/api/knowledge")).ReadJsonAsync();
        replaced.GetProperty("products").GetArrayLength().ShouldBe(0);
        replaced.GetProperty("store").GetProperty("currency").GetString().ShouldBe("EUR");
    }

    [Fact]
    public async Task Should_refuse_an_invalid_document_with_field_errors_and_store_nothing()
    {
        var (owner, _) = await OwnerAsync("Peak Gear", "owner@peak.test");
        (await owner.PutAsJsonAsync("/api/knowledge", Document())).StatusCode.ShouldBe(HttpStatusCode.OK);

        var bad = await owner.PutAsJsonAsync("/api/knowledge", Document(storeName: "", price: -5m));

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        errors.TryGetProperty("store.name", out _).ShouldBeTrue(errors.ToString());
        errors.TryGetProperty("products[0].price", out _).ShouldBeTrue(errors.ToString());
        var kept = await (await owner.GetAsync("/api/knowledge")).ReadJsonAsync();
        kept.GetProperty("store").GetProperty("name").GetString().ShouldBe("Peak Gear");
        kept.GetProperty("products")[0].GetProperty("price").GetDecimal().ShouldBe(120m);
    }

    [Fact]
    public async Task Should_upsert_an_order_by_number()
    {
        var (owner, _) = await OwnerAsync("Peak Gear", "owner@peak.test");
        (await owner.PutAsJsonAsync("/api/knowledge", Document())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var order = new
        {
            number = "PG-1001",
            email = "ann@example.com",
            status = "delivered",
            carrier = "UPS",
            items = new[] { new { sku = "PG-1", name = "Alpine Jacket", quantity = 1 } },
            placedAt = "2026-03-01T10:00:00Z",
        };

        var response = await owner.PostAsJsonAsync("/api/knowledge/orders", order);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await owner.PostAsJsonAsync("/api/knowledge/orders", order with { })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var orders = (await (await owner.GetAsync("/api/knowledge")).ReadJsonAsync()).GetProperty("orders");
        orders.GetArrayLength().ShouldBe(1);
        orders[0].GetProperty("status").GetString().ShouldBe("Delivered");

        var invalid = await owner.PostAsJsonAsync("/api/knowledge/orders", new { number = "PG-2", email = "not-an-email", status = "" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await invalid.ReadJsonAsync()).GetProperty("errors");
        errors.TryGetProperty("email", out _).ShouldBeTrue();
        errors.TryGetProperty("status", out _).ShouldBeTrue();
        errors.TryGetProperty("items", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Should_keep_each_tenants_knowledge_to_itself()
    {
        var (ownerA, _) = await OwnerAsync("Store A", "a@stores.test");
        var (ownerB, storeB) = await OwnerAsync("Store B", "b@stores.test");
        (await ownerA.PutAsJsonAsync("/api/knowledge", Document("Store A"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var seenByB = await (await ownerB.GetAsync("/api/knowledge")).ReadJsonAsync();
        seenByB.GetProperty("products").GetArrayLength().ShouldBe(0);
        seenByB.GetProperty("orders").GetArrayLength().ShouldBe(0);

        // B replacing its knowledge and pushing an order with A's number changes nothing of A's.
        (await ownerB.PutAsJsonAsync("/api/knowledge", Document("Store B", price: 1m))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ofA = await (await ownerA.GetAsync("/api/knowledge")).ReadJsonAsync();
        ofA.GetProperty("store").GetProperty("name").GetString().ShouldBe("Store A");
        ofA.GetProperty("products")[0].GetProperty("price").GetDecimal().ShouldBe(120m);

        // The assistant of B never answers from A's orders.
        await using var scope = Factory.Services.CreateAsyncScope();
        var assistant = scope.ServiceProvider.GetRequiredService<IShopperAssistant>();
        (await ownerB.PutAsJsonAsync("/api/knowledge", new { store = new { name = "Store B", currency = "USD" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(storeB.TenantId))
        {
            var reply = await assistant.ReplyAsync([new ChatTurn(ChatRole.Shopper, "Where is my order PG-1001? ann@example.com")]);
            reply.Text.ShouldNotContain("UPS");
        }
    }

    [Fact]
    public async Task Should_forbid_an_agent_to_change_the_knowledge()
    {
        var (owner, _) = await OwnerAsync("Peak Gear", "owner@peak.test");
        (await owner.PutAsJsonAsync("/api/knowledge", Document())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var agent = await AgentOfAsync("Peak Gear", "agent@peak.test");

        (await agent.PutAsJsonAsync("/api/knowledge", Document("Hijacked"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.GetAsync("/api/knowledge")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CreateClient().PutAsJsonAsync("/api/knowledge", Document())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var kept = await (await owner.GetAsync("/api/knowledge")).ReadJsonAsync();
        kept.GetProperty("store").GetProperty("name").GetString().ShouldBe("Peak Gear");
    }

    [Fact]
    public async Task Should_import_products_from_csv_and_refuse_a_file_with_a_bad_line_whole()
    {
        var (owner, _) = await OwnerAsync("Peak Gear", "owner@peak.test");
        const string header = "sku,name,description,price,url,attributes,variants\n";
        var bad = header
            + "T-1,Trail Tee,\"Soft, quick-dry tee\",25.00,https://peak.example/tee,material=polyester;fit=regular,S:in|M:out\n"
            + "T-2,Trail Shorts,Light shorts,abc,,,\n"
            + "T-3,,No name,10,,,\n";

        var refused = await ImportAsync(owner, bad, "products.csv");
        refused.GetProperty("imported").GetInt32().ShouldBe(0);
        var errors = refused.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())).ToList();
        errors.ShouldContain((3, "price"));
        errors.ShouldContain((4, "name"));
        (await (await owner.GetAsync("/api/knowledge")).ReadJsonAsync()).GetProperty("products").GetArrayLength().ShouldBe(0);

        var good = header + "T-1,Trail Tee,\"Soft, quick-dry tee\",25.00,https://peak.example/tee,material=polyester;fit=regular,S:in|M:out\n";
        var imported = await ImportAsync(owner, good, "products.csv");
        imported.GetProperty("imported").GetInt32().ShouldBe(1);
        var product = (await (await owner.GetAsync("/api/knowledge")).ReadJsonAsync()).GetProperty("products")[0];
        product.GetProperty("description").GetString().ShouldBe("Soft, quick-dry tee");
        product.GetProperty("attributes").GetProperty("fit").GetString().ShouldBe("regular");
        product.GetProperty("variants")[1].GetProperty("inStock").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Should_import_a_json_product_file_with_line_numbers_on_errors()
    {
        var (owner, _) = await OwnerAsync("Peak Gear", "owner@peak.test");
        var json = "[\n  {\"sku\": \"J-1\", \"name\": \"Beanie\", \"price\": 19},\n  {\"sku\": \"J-2\", \"name\": \"Gloves\", \"price\": -1}\n]";

        var refused = await ImportAsync(owner, json, "products.json");

        refused.GetProperty("imported").GetInt32().ShouldBe(0);
        var error = refused.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("line").GetInt32().ShouldBe(3);
        error.GetProperty("field").GetString().ShouldBe("price");
    }

    [Fact]
    public async Task Should_seed_the_demo_store_with_dozens_of_products_once()
    {
        var owner = CreateClient();
        var demo = await owner.SignUpAsync("Northwind Outfitters", "demo@northwind.test");
        await using var scope = Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var seeder = new DemoStoreKnowledgeSeedContributor(
            Options.Create(new DemoKnowledgeOptions { Enabled = true, StoreName = "Northwind Outfitters" }),
            services.GetRequiredService<ITenantLookupService>(), services.GetRequiredService<ICurrentTenant>(),
            services.GetRequiredService<AssistantDbContext>(), services.GetRequiredService<IKnowledgeAppService>(),
            TimeProvider.System, NullLogger<DemoStoreKnowledgeSeedContributor>.Instance);

        await seeder.SeedAsync(CancellationToken.None);
        await seeder.SeedAsync(CancellationToken.None);

        var document = await (await owner.GetAsync("/api/knowledge")).ReadJsonAsync();
        document.GetProperty("products").GetArrayLength().ShouldBeGreaterThanOrEqualTo(36);
        document.GetProperty("orders").GetArrayLength().ShouldBeGreaterThanOrEqualTo(10);
        document.GetProperty("faq").GetArrayLength().ShouldBeGreaterThanOrEqualTo(10);

        using (services.GetRequiredService<ICurrentTenant>().Change(demo.TenantId))
        {
            var reply = await services.GetRequiredService<IShopperAssistant>()
                .ReplyAsync([new ChatTurn(ChatRole.Shopper, "Do you have the Summit Shell Jacket in XL?")]);
            reply.Text.ShouldContain("out of stock");
        }
    }

    private static async Task<System.Text.Json.JsonElement> ImportAsync(HttpClient client, string content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/json");
        form.Add(file, "file", fileName);
        var response = await client.PostAsync("/api/knowledge/products/import", form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>An Agent of the store, made the way the team module will: a user of the tenant in the Agent role.</summary>
    private async Task<HttpClient> AgentOfAsync(string storeName, string email)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var tenantId = await services.GetRequiredService<ITenantLookupService>().FindIdByNameAsync(storeName);
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Upsellic.Saas.Identity.AppUser>>();
        using (services.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            var agent = Upsellic.Saas.Identity.AppUser.Create(email, "Agent", DateTimeOffset.UtcNow);
            (await users.CreateAsync(agent, ApiExtensions.StrongPassword)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(agent, SaasRoles.Agent)).Succeeded.ShouldBeTrue();
        }

        return await CreateClient().AuthorizeAsync(email);
    }
}
