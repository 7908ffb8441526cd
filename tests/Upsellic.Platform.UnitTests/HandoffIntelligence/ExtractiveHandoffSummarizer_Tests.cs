using System.Text.RegularExpressions;
using Shouldly;
using Upsellic.HandoffIntelligence;
using Upsellic.HandoffIntelligence.Domain;
using Xunit;
using static Upsellic.Platform.UnitTests.HandoffIntelligence.LocalModelFixture;

namespace Upsellic.Platform.UnitTests.HandoffIntelligence;

public class ExtractiveHandoffSummarizer_Tests
{
    private readonly ExtractiveHandoffSummarizer _summarizer = new(SentimentLexicon.Embedded);

    private static int SentenceCount(string text) => Regex.Matches(text, @"[.!?](\s|$)").Count;

    [Fact]
    public async Task Should_summarize_what_happened_order_feeling_and_previous_answer_in_three_sentences()
    {
        ConversationTurn[] turns =
        [
            Shopper("Hi, where is order 5512?"),
            AssistantTurn("Your order was delivered on Monday. Is there anything else?"),
            Shopper("No it was NOT delivered, I've been home all week and this is ridiculous, I'm so angry"),
        ];

        var summary = await _summarizer.SummarizeAsync(turns, HandoffCategory.EmotionalEscalation);

        summary.ShouldStartWith("Emotional escalation");
        summary.ShouldContain("I've been home all week");
        summary.ShouldContain("#5512");
        summary.ShouldMatch("(?i)upset|frustrated");
        summary.ShouldContain("Your order was delivered on Monday");
        SentenceCount(summary).ShouldBe(3);
    }

    [Fact]
    public async Task Should_read_the_shoppers_feeling_from_an_emoji()
    {
        var summary = await _summarizer.SummarizeAsync([Shopper("the lamp from order 3310 just arrived and it is cracked 😡")], HandoffCategory.OrderIssue);

        summary.ShouldNotContain("calm");
        summary.ShouldMatch("(?i)upset|frustrated|angry");
    }

    [Fact]
    public async Task Should_quote_the_fuller_earlier_message_when_the_last_one_is_a_short_follow_up()
    {
        ConversationTurn[] turns =
        [
            Shopper("I want to return the boots from order #771, they are too tight"),
            AssistantTurn("I'm sorry to hear that."),
            Shopper("so what now"),
        ];

        var summary = await _summarizer.SummarizeAsync(turns, HandoffCategory.ReturnOrComplaint);

        summary.ShouldContain("I want to return the boots from order #771");
        summary.ShouldContain("the boots");
        summary.ShouldContain("#771");
        SentenceCount(summary).ShouldBeInRange(2, 3);
    }

    [Fact]
    public async Task Should_say_when_the_assistant_had_not_answered_and_no_order_number_was_given()
    {
        var summary = await _summarizer.SummarizeAsync([Shopper("we need 300 mugs with our logo for a conference")], HandoffCategory.ComplexRequest);

        summary.ShouldStartWith("Complex request");
        summary.ShouldContain("No order number was given");
        summary.ShouldContain("had not answered yet");
        SentenceCount(summary).ShouldBe(3);
    }
}
