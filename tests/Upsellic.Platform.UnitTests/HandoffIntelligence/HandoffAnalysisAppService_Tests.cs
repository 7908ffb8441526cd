using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Upsellic.HandoffIntelligence;
using Upsellic.HandoffIntelligence.HttpApi;
using Xunit;

namespace Upsellic.Platform.UnitTests.HandoffIntelligence;

public class HandoffAnalysisAppService_Tests
{
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddHandoffIntelligence(new ConfigurationBuilder().Build())
        .BuildServiceProvider();

    private static IHandoffAnalysisAppService AppService => Services.CreateScope().ServiceProvider.GetRequiredService<IHandoffAnalysisAppService>();

    private static AnalyzeConversationRequest Request(params (string Role, string Text)[] turns) =>
        new(turns.Select(t => new ConversationTurnDto(t.Role, t.Text)).ToArray());

    [Fact]
    public async Task Should_return_decision_reply_and_summary_on_handoff()
    {
        var result = await AppService.AnalyzeAsync(Request(
            ("shopper", "hi, when will order #2291 arrive?"),
            ("assistant", "It shipped on Monday and should arrive in 2-3 days."),
            ("shopper", "it arrived today but the screen of the tablet is cracked")));

        result.Handoff.ShouldBeTrue();
        result.Category.ShouldBe(HandoffCategory.OrderIssue);
        result.Engine.ShouldBe(HandoffEngines.Local);
        result.Reply.ShouldNotBeNull().ShouldContain("#2291");
        result.Reply.ShouldNotContain("?");
        result.Summary.ShouldNotBeNull().ShouldContain("cracked");
    }

    [Fact]
    public async Task Should_return_no_reply_and_no_summary_for_a_routine_question()
    {
        var result = await AppService.AnalyzeAsync(Request(("shopper", "do you have the linen shirt in XL?")));

        result.Handoff.ShouldBeFalse();
        result.Category.ShouldBeNull();
        result.Reply.ShouldBeNull();
        result.Summary.ShouldBeNull();
    }

    [Theory]
    [InlineData(HandoffErrorCodes.EmptyConversation)]
    [InlineData(HandoffErrorCodes.NoShopperTurn)]
    [InlineData(HandoffErrorCodes.TurnTooLong)]
    [InlineData(HandoffErrorCodes.UnknownTurnRole)]
    [InlineData(HandoffErrorCodes.EmptyTurnText)]
    public async Task Should_refuse_an_invalid_conversation_with_a_turns_field_error(string code)
    {
        var request = code switch
        {
            HandoffErrorCodes.EmptyConversation => new AnalyzeConversationRequest([]),
            HandoffErrorCodes.NoShopperTurn => Request(("assistant", "Hello! How can I help?")),
            HandoffErrorCodes.TurnTooLong => Request(("shopper", new string('a', HandoffLimits.MaxTurnTextLength + 1))),
            HandoffErrorCodes.UnknownTurnRole => Request(("robot", "hello")),
            _ => Request(("shopper", "   ")),
        };

        var refusal = await Should.ThrowAsync<HandoffValidationException>(() => AppService.AnalyzeAsync(request));

        refusal.Code.ShouldBe(code);
        refusal.Errors.Keys.ShouldBe(["turns"]);
    }

    [Fact]
    public async Task Should_answer_a_validation_problem_from_the_endpoint_for_an_empty_conversation()
    {
        var result = await HandoffIntelligenceEndpoints.AnalyzeAsync(new AnalyzeConversationRequest(null), AppService, CancellationToken.None);

        var problem = result.Result.ShouldBeOfType<ValidationProblem>();
        problem.StatusCode.ShouldBe(400);
        problem.ProblemDetails.Errors.ShouldContainKey("turns");
    }

    [Fact]
    public async Task Should_answer_ok_from_the_endpoint_for_a_valid_conversation()
    {
        var result = await HandoffIntelligenceEndpoints.AnalyzeAsync(
            Request(("shopper", "I want to talk to a human please")), AppService, CancellationToken.None);

        var ok = result.Result.ShouldBeOfType<Ok<HandoffAnalysisDto>>();
        ok.Value.ShouldNotBeNull().Category.ShouldBe(HandoffCategory.ComplexRequest);
    }
}
