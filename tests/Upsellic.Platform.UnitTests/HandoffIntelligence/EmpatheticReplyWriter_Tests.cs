using Shouldly;
using Upsellic.HandoffIntelligence;
using Upsellic.HandoffIntelligence.Domain;
using Xunit;
using static Upsellic.Platform.UnitTests.HandoffIntelligence.LocalModelFixture;

namespace Upsellic.Platform.UnitTests.HandoffIntelligence;

public class EmpatheticReplyWriter_Tests
{
    private readonly EmpatheticReplyWriter _writer = new();

    private static readonly ConversationTurn[] DamagedOrder = [Shopper("my order #1042 arrived and the vase was smashed")];

    public static TheoryData<HandoffCategory, bool, int> AllCases()
    {
        var cases = new TheoryData<HandoffCategory, bool, int>();
        foreach (var category in Enum.GetValues<HandoffCategory>())
        {
            foreach (var online in new[] { true, false })
            {
                for (var seed = 0; seed < 9; seed++)
                {
                    cases.Add(category, online, seed);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Should_ask_no_question_and_promise_no_refund_or_timeline(HandoffCategory category, bool agentOnline, int seed)
    {
        var reply = _writer.Write(category, DamagedOrder, agentOnline, seed);

        reply.ShouldNotContain("?");
        reply.ShouldNotContain("{");
        foreach (var promise in new[] { "refund you", "you will get", "you'll get", "within", "minutes", "hours", "days", "guarantee" })
        {
            reply.ShouldNotContain(promise, Case.Insensitive);
        }
    }

    [Fact]
    public void Should_repeat_the_order_number_the_shopper_gave()
    {
        foreach (var category in Enum.GetValues<HandoffCategory>())
        {
            _writer.Write(category, DamagedOrder, agentOnline: true, variantSeed: 1).ShouldContain("#1042");
        }
    }

    [Theory]
    [InlineData("my order NW-10231 arrived yesterday and the lantern is cracked", "NW-10231")]
    [InlineData("ord no. so-2024-118 is missing a sock", "SO-2024-118")]
    [InlineData("my NW-10231 never came", "NW-10231")]
    [InlineData("order: 55102 came without the charger", "#55102")]
    public void Should_repeat_a_store_style_order_reference_as_the_shopper_gave_it(string message, string reference)
    {
        foreach (var category in Enum.GetValues<HandoffCategory>())
        {
            _writer.Write(category, [Shopper(message)], agentOnline: true, variantSeed: 1).ShouldContain(reference);
        }
    }

    [Fact]
    public void Should_name_the_item_the_shopper_wants_to_return()
    {
        var reply = _writer.Write(HandoffCategory.ReturnOrComplaint, [Shopper("I want to return the boots, they're too tight")], agentOnline: true, variantSeed: 0);

        reply.ShouldContain("the boots");
    }

    [Fact]
    public void Should_say_a_person_is_joining_when_an_agent_is_online()
    {
        for (var seed = 0; seed < 9; seed++)
        {
            var reply = _writer.Write(HandoffCategory.OrderIssue, DamagedOrder, agentOnline: true, seed);
            reply.ShouldContain("our team", Case.Insensitive);
            reply.ShouldMatch("(?i)joining|bringing in");
            reply.ShouldNotContain("below");
        }
    }

    [Fact]
    public void Should_point_to_the_contact_options_when_nobody_is_online()
    {
        for (var seed = 0; seed < 9; seed++)
        {
            var reply = _writer.Write(HandoffCategory.OrderIssue, DamagedOrder, agentOnline: false, seed);
            reply.ShouldContain("below");
            reply.ShouldNotContain("joining");
        }
    }

    [Fact]
    public void Should_vary_the_phrasing_with_the_seed_and_repeat_it_for_the_same_seed()
    {
        var replies = Enumerable.Range(0, 9)
            .Select(seed => _writer.Write(HandoffCategory.EmotionalEscalation, DamagedOrder, agentOnline: true, seed))
            .ToArray();

        replies.Distinct().Count().ShouldBeGreaterThanOrEqualTo(6);
        _writer.Write(HandoffCategory.EmotionalEscalation, DamagedOrder, agentOnline: true, 4).ShouldBe(replies[4]);
        EmpatheticReplyWriter.SeedFor(DamagedOrder).ShouldBe(EmpatheticReplyWriter.SeedFor([Shopper("my order #1042 arrived and the vase was smashed")]));
    }

    [Fact]
    public void Should_fall_back_to_a_general_reference_when_nothing_specific_was_said()
    {
        for (var seed = 0; seed < 3; seed++)
        {
            _writer.Write(HandoffCategory.OrderIssue, [Shopper("nothing has arrived and tracking is stuck")], agentOnline: true, seed)
                .ShouldContain("your order");
            var complex = _writer.Write(HandoffCategory.ComplexRequest, [Shopper("can I talk to a person")], agentOnline: true, seed);
            complex.ShouldNotContain(" about ");
            complex.ShouldNotContain("  ");
        }
    }
}
