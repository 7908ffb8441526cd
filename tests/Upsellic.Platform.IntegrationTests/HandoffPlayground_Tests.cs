using System.Net;
using System.Net.Http.Json;
using Upsellic.Platform.IntegrationTests.Infrastructure;

namespace Upsellic.Platform.IntegrationTests;

public class HandoffPlayground_Tests(PlatformFactory factory) : PlatformTestBase(factory)
{
    [Fact]
    public async Task Should_hand_off_a_shopper_with_a_damaged_order_and_write_the_reply_and_summary()
    {
        await CreateClient().SignUpAsync("Playground Store", "play@store.test");
        var client = await CreateClient().AuthorizeAsync("play@store.test");

        var response = await client.PostAsJsonAsync("/api/handoff/analyze", new
        {
            turns = new[]
            {
                new { role = "shopper", text = "Hi, do you ship to Canada?" },
                new { role = "assistant", text = "Yes, we ship to Canada in 5 to 8 business days." },
                new { role = "shopper", text = "My order #1042 arrived today and the lamp is smashed to pieces" },
            },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var analysis = await response.ReadJsonAsync();
        analysis.GetProperty("handoff").GetBoolean().ShouldBeTrue();
        analysis.GetProperty("category").GetString().ShouldBe("OrderIssue");
        analysis.GetProperty("engine").GetString().ShouldBe("local");
        var reply = analysis.GetProperty("reply").GetString()!;
        reply.ShouldContain("1042");
        reply.ShouldNotContain("?");
        analysis.GetProperty("summary").GetString()!.ShouldContain("1042");
    }

    [Fact]
    public async Task Should_leave_a_routine_question_to_the_assistant()
    {
        await CreateClient().SignUpAsync("Routine Store", "routine@store.test");
        var client = await CreateClient().AuthorizeAsync("routine@store.test");

        var response = await client.PostAsJsonAsync("/api/handoff/analyze", new { turns = new[] { new { role = "shopper", text = "What is your return policy?" } } });

        var analysis = await response.ReadJsonAsync();
        analysis.GetProperty("handoff").GetBoolean().ShouldBeFalse();
        analysis.GetProperty("category").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Should_refuse_an_empty_conversation_and_strangers()
    {
        await CreateClient().SignUpAsync("Strict Store", "strict@store.test");
        var client = await CreateClient().AuthorizeAsync("strict@store.test");
        var admin = await CreateClient().AuthorizeAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);

        var empty = await client.PostAsJsonAsync("/api/handoff/analyze", new { turns = Array.Empty<object>() });

        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.ReadJsonAsync()).GetProperty("errors").TryGetProperty("turns", out _).ShouldBeTrue();
        (await CreateClient().PostAsJsonAsync("/api/handoff/analyze", new { turns = new[] { new { role = "shopper", text = "hi" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.PostAsJsonAsync("/api/handoff/analyze", new { turns = new[] { new { role = "shopper", text = "hi" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
