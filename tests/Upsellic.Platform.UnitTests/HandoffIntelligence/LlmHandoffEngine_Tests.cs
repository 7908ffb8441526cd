using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Upsellic.HandoffIntelligence;
using Xunit;
using static Upsellic.Platform.UnitTests.HandoffIntelligence.LocalModelFixture;

namespace Upsellic.Platform.UnitTests.HandoffIntelligence;

/// <summary>The LLM engine against a fake OpenAI-compatible server: its answer when sound, the local model otherwise.</summary>
public sealed class LlmHandoffEngine_Tests : IAsyncLifetime
{
    // Generous, so a cold first call on a busy CI machine is never mistaken for a slow LLM; the timeout test sets its own.
    private const double TimeoutSeconds = 10;
    private const double ShortTimeoutSeconds = 1.5;

    private static readonly ConversationTurn[] DamagedParcel = [Shopper("my parcel from order 3310 arrived and the lamp is broken")];

    private FakeOpenAiServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync();
        _services = ServicesWithTimeout(TimeoutSeconds);
    }

    private ServiceProvider ServicesWithTimeout(double timeoutSeconds)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HandoffIntelligence:Llm:Endpoint"] = _server.Endpoint,
            ["HandoffIntelligence:Llm:ApiKey"] = "test-key",
            ["HandoffIntelligence:Llm:Model"] = "fake-model",
            ["HandoffIntelligence:Llm:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        return new ServiceCollection().AddLogging().AddHandoffIntelligence(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IHandoffDetector Detector => _services.GetRequiredService<IHandoffDetector>();

    [Fact]
    public async Task Should_use_a_valid_llm_answer()
    {
        _server.AnswerWithContent("""{"handoff": true, "category": "ComplexRequest", "confidence": 0.83}""");

        var decision = await Detector.DecideAsync(DamagedParcel);

        decision.ShouldBe(new HandoffDecision(true, HandoffCategory.ComplexRequest, 0.83, HandoffEngines.Llm));
        _server.Requests.ShouldBe(1);
        _server.LastRequestBody.ShouldContain("json_schema");
        _server.LastRequestBody.ShouldContain("order 3310");
    }

    [Theory]
    [InlineData("I think this needs a human.")]
    [InlineData("""{"handoff": true, "category": "Shipping", "confidence": 0.9}""")]
    [InlineData("""{"handoff": true, "category": "OrderIssue", "confidence": 7}""")]
    [InlineData("""{"handoff": false, "category": "OrderIssue", "confidence": 0.9}""")]
    [InlineData("""{"category": "OrderIssue"}""")]
    public async Task Should_fall_back_to_the_local_model_on_a_nonsense_answer(string answer)
    {
        _server.AnswerWithContent(answer);

        var decision = await Detector.DecideAsync(DamagedParcel);

        decision.Engine.ShouldBe(HandoffEngines.Local);
        decision.Category.ShouldBe(HandoffCategory.OrderIssue);
    }

    [Fact]
    public async Task Should_fall_back_to_the_local_model_when_the_llm_is_slower_than_the_timeout()
    {
        await using var services = ServicesWithTimeout(ShortTimeoutSeconds);
        _server.AnswerAfter(TimeSpan.FromSeconds(ShortTimeoutSeconds + 3), """{"handoff": false, "category": null, "confidence": 0.9}""");
        var started = System.Diagnostics.Stopwatch.StartNew();

        var decision = await services.GetRequiredService<IHandoffDetector>().DecideAsync(DamagedParcel);

        decision.Engine.ShouldBe(HandoffEngines.Local);
        decision.Category.ShouldBe(HandoffCategory.OrderIssue);
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(ShortTimeoutSeconds + 2));
    }

    [Fact]
    public async Task Should_fall_back_to_the_local_model_on_a_server_error()
    {
        _server.AnswerWithStatus(500);

        var decision = await Detector.DecideAsync(DamagedParcel);

        decision.Engine.ShouldBe(HandoffEngines.Local);
        decision.Category.ShouldBe(HandoffCategory.OrderIssue);
        _server.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task Should_use_the_llm_summary_and_fall_back_to_the_extractive_one_on_failure()
    {
        var summarizer = _services.GetRequiredService<IHandoffSummarizer>();
        _server.AnswerWithContent("The shopper's lamp from order #3310 arrived broken. They seem calm. The assistant has not answered yet.");

        (await summarizer.SummarizeAsync(DamagedParcel, HandoffCategory.OrderIssue)).ShouldStartWith("The shopper's lamp");

        _server.AnswerWithStatus(500);
        (await summarizer.SummarizeAsync(DamagedParcel, HandoffCategory.OrderIssue)).ShouldStartWith("Order issue");
    }
}
