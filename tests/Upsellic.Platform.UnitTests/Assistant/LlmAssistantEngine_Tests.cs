using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Upsellic.Assistant;
using Upsellic.Assistant.Data;
using Upsellic.Assistant.Engine;
using Upsellic.Assistant.Llm;

namespace Upsellic.Platform.UnitTests.Assistant;

/// <summary>
/// The LLM engine against a fake OpenAI-compatible server on a real Kestrel port: the real Semantic Kernel connector
/// makes real HTTP calls, and the server answers from a script.
/// </summary>
public sealed class LlmAssistantEngine_Tests : IAsyncLifetime
{
    private static readonly KnowledgeSnapshot Demo = KnowledgeSnapshot.FromDocument(DemoStoreKnowledgeSeedContributor.LoadDocument());

    private readonly List<JsonNode> _requests = [];
    private WebApplication? _server;
    private Func<JsonNode, int, Task<IResult>> _script = (_, _) => Task.FromResult(Results.StatusCode(500));

    private string Endpoint => _server!.Urls.First() + "/v1";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!;
            int count;
            lock (_requests)
            {
                _requests.Add(body);
                count = _requests.Count;
            }

            return await _script(body, count);
        });
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Should_use_the_models_answer()
    {
        _script = (_, _) => Task.FromResult(Completion("US Standard shipping takes 3-5 business days and costs $6.95."));

        var reply = await Assistant(timeoutSeconds: 10).ReplyAsync([new ChatTurn(ChatRole.Shopper, "How long does shipping take?")]);

        reply.Engine.ShouldBe(AssistantEngines.Llm);
        reply.Text.ShouldBe("US Standard shipping takes 3-5 business days and costs $6.95.");
        reply.Topic.ShouldBe(AssistantTopics.Shipping);
        var request = _requests.ShouldHaveSingleItem();
        request["model"]!.GetValue<string>().ShouldBe("fake-model");
        request["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>())
            .ShouldContain(name => name.EndsWith("lookup_order", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_call_a_knowledge_function_and_answer_from_its_result()
    {
        _script = (body, count) =>
        {
            if (count == 1)
            {
                var lookup = body["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>())
                    .Single(name => name.EndsWith("lookup_order", StringComparison.Ordinal));
                return Task.FromResult(ToolCall(lookup, new { number = "NW-10232", email = "liam.smith@example.com" }));
            }

            // The second round carries the function's result; the answer quotes it, proving the round trip.
            var toolResult = body["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "tool")!["content"]!.GetValue<string>();
            var carrier = JsonNode.Parse(toolResult)!["carrier"]!.GetValue<string>();
            return Task.FromResult(Completion($"Your order NW-10232 has shipped with {carrier}."));
        };

        var reply = await Assistant(timeoutSeconds: 10).ReplyAsync(
            [new ChatTurn(ChatRole.Shopper, "Where is my order NW-10232? I'm liam.smith@example.com")]);

        reply.Engine.ShouldBe(AssistantEngines.Llm);
        reply.Text.ShouldBe("Your order NW-10232 has shipped with UPS.");
        _requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Should_not_give_the_model_an_order_for_an_email_the_shopper_never_wrote()
    {
        string? toolResult = null;
        _script = (body, count) =>
        {
            if (count == 1)
            {
                var lookup = body["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>())
                    .Single(name => name.EndsWith("lookup_order", StringComparison.Ordinal));
                return Task.FromResult(ToolCall(lookup, new { number = "NW-10232", email = "liam.smith@example.com" }));
            }

            toolResult = body["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "tool")!["content"]!.GetValue<string>();
            return Task.FromResult(Completion("Please send the order number together with the order's email."));
        };

        await Assistant(timeoutSeconds: 10).ReplyAsync([new ChatTurn(ChatRole.Shopper, "Where is order NW-10232?")]);

        toolResult.ShouldNotBeNull();
        toolResult.ShouldNotContain("UPS");
        toolResult.ShouldContain("No order matches");
    }

    [Fact]
    public async Task Should_fall_back_to_the_built_in_engine_on_a_server_error()
    {
        _script = (_, _) => Task.FromResult(Results.StatusCode(500));

        var reply = await Assistant(timeoutSeconds: 5).ReplyAsync([new ChatTurn(ChatRole.Shopper, "How long does shipping take?")]);

        reply.Engine.ShouldBe(AssistantEngines.BuiltIn);
        reply.Text.ShouldContain("3-5 business days");
        _requests.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Should_fall_back_to_the_built_in_engine_on_a_timeout()
    {
        _script = async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            return Completion("too late");
        };
        var started = DateTime.UtcNow;

        var reply = await Assistant(timeoutSeconds: 1).ReplyAsync([new ChatTurn(ChatRole.Shopper, "What's your return policy?")]);

        reply.Engine.ShouldBe(AssistantEngines.BuiltIn);
        reply.Text.ShouldContain("30 days");
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(8));
    }

    private ShopperAssistant Assistant(int timeoutSeconds)
    {
        var options = new AssistantLlmOptions { Endpoint = Endpoint, ApiKey = "test-key", Model = "fake-model", TimeoutSeconds = timeoutSeconds };
        var engine = new LlmAssistantEngine(options, new HttpClient(), NullLogger<LlmAssistantEngine>.Instance);
        return new ShopperAssistant(new FixedKnowledge(Demo), new BuiltInAssistantEngine(), engine);
    }

    private static IResult Completion(string content) => Results.Json(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "fake-model",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    });

    private static IResult ToolCall(string function, object arguments) => Results.Json(new
    {
        id = "chatcmpl-tool",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "fake-model",
        choices = new[]
        {
            new
            {
                index = 0,
                message = new
                {
                    role = "assistant",
                    content = (string?)null,
                    tool_calls = new[] { new { id = "call_1", type = "function", function = new { name = function, arguments = JsonSerializer.Serialize(arguments) } } },
                },
                finish_reason = "tool_calls",
            },
        },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    });

    private sealed class FixedKnowledge(KnowledgeSnapshot snapshot) : IKnowledgeSnapshotSource
    {
        public Task<KnowledgeSnapshot> GetAsync(CancellationToken cancellationToken) => Task.FromResult(snapshot);
    }
}
