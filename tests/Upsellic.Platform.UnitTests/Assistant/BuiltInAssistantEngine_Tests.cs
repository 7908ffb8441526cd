using Upsellic.Assistant;
using Upsellic.Assistant.Data;
using Upsellic.Assistant.Engine;

namespace Upsellic.Platform.UnitTests.Assistant;

/// <summary>The built-in engine on the demo store's knowledge, as a shopper would ask.</summary>
public class BuiltInAssistantEngine_Tests
{
    private static readonly KnowledgeSnapshot Demo = KnowledgeSnapshot.FromDocument(DemoStoreKnowledgeSeedContributor.LoadDocument());

    private readonly BuiltInAssistantEngine _engine = new();

    private AssistantReply Ask(params string[] shopperTurns) => Ask(Demo, shopperTurns);

    private AssistantReply Ask(KnowledgeSnapshot knowledge, params string[] shopperTurns) =>
        _engine.Reply(shopperTurns.Select(t => new ChatTurn(ChatRole.Shopper, t)).ToList(), knowledge);

    [Fact]
    public void Should_answer_a_shipping_question_with_times_and_costs()
    {
        var reply = Ask("How long does delivery take to the US and what does it cost?");

        reply.Topic.ShouldBe(AssistantTopics.Shipping);
        reply.Answered.ShouldBeTrue();
        reply.Engine.ShouldBe(AssistantEngines.BuiltIn);
        reply.Text.ShouldContain("3-5 business days");
        reply.Text.ShouldContain("$6.95");
    }

    [Fact]
    public void Should_answer_an_international_shipping_question()
    {
        var reply = Ask("Do you send parcels abroad, to Germany for example?");

        reply.Topic.ShouldBe(AssistantTopics.Shipping);
        reply.Text.ShouldContain("7-14 business days");
    }

    [Fact]
    public void Should_answer_the_returns_policy()
    {
        var reply = Ask("What's your return policy?");

        reply.Topic.ShouldBe(AssistantTopics.Returns);
        reply.Answered.ShouldBeTrue();
        reply.Text.ShouldContain("30 days");
    }

    [Fact]
    public void Should_answer_which_payment_methods_are_accepted()
    {
        var reply = Ask("Can I pay with PayPal?");

        reply.Topic.ShouldBe(AssistantTopics.Payment);
        reply.Text.ShouldContain("PayPal");
    }

    [Fact]
    public void Should_answer_the_warranty()
    {
        var reply = Ask("Is there a guarantee on your tents?");

        reply.Topic.ShouldBe(AssistantTopics.Warranty);
        reply.Text.ShouldContain("lifetime warranty");
    }

    [Fact]
    public void Should_answer_a_product_question_with_price_and_facts()
    {
        var reply = Ask("Is the Summit Shell Jacket waterproof?");

        reply.Topic.ShouldBe(AssistantTopics.Product);
        reply.Answered.ShouldBeTrue();
        reply.Text.ShouldContain("$189.00");
        reply.Text.ShouldContain("20,000 mm");
    }

    [Fact]
    public void Should_answer_how_much_a_product_costs()
    {
        var reply = Ask("How much is the Nomad 2 tent?");

        reply.Topic.ShouldBe(AssistantTopics.Product);
        reply.Text.ShouldContain("$329.00");
    }

    [Fact]
    public void Should_answer_sizing_with_the_fit_and_sizes_in_stock()
    {
        var reply = Ask("What size should I get in the Ridgeline Insulated Jacket? Does it run small?");

        reply.Topic.ShouldBe(AssistantTopics.Sizing);
        reply.Text.ShouldContain("runs small");
        reply.Text.ShouldContain("In stock: XS, S, M, L, XL");
    }

    [Fact]
    public void Should_say_when_a_variant_is_out_of_stock_and_name_the_sizes_in_stock()
    {
        var reply = Ask("Do you have the Summit Shell Jacket in XL?");

        reply.Topic.ShouldBe(AssistantTopics.Stock);
        reply.Text.ShouldContain("out of stock");
        reply.Text.ShouldContain("XS, S, M, L");
    }

    [Fact]
    public void Should_follow_the_product_of_the_conversation_for_a_stock_question()
    {
        var conversation = new List<ChatTurn>
        {
            new(ChatRole.Shopper, "Tell me about the Cascade Mid GTX Hiking Boots"),
            new(ChatRole.Assistant, "The Cascade Mid GTX Hiking Boots cost $159.00."),
            new(ChatRole.Shopper, "Do you have them in US 10?"),
        };

        var reply = _engine.Reply(conversation, Demo);

        reply.Topic.ShouldBe(AssistantTopics.Stock);
        reply.Text.ShouldContain("US 10 is out of stock");
    }

    [Fact]
    public void Should_answer_compatibility_from_the_attributes()
    {
        var reply = Ask("Is the Trailhead Rain Cover compatible with the Trailhead 40 Backpack?");

        reply.Topic.ShouldBe(AssistantTopics.Compatibility);
        reply.Text.ShouldStartWith("Yes");
    }

    [Fact]
    public void Should_recommend_products_that_match_the_needs_and_the_budget()
    {
        var reply = Ask("Can you recommend a warm waterproof jacket for hiking under $200?");

        reply.Topic.ShouldBe(AssistantTopics.Recommendation);
        reply.Answered.ShouldBeTrue();
        reply.Text.ShouldContain("Jacket");
        reply.Text.ShouldNotContain("Glacier Down Parka"); // $289: over the budget
        reply.Text.ShouldNotContain("Stormbreak"); // $229
    }

    [Fact]
    public void Should_tell_the_order_status_when_number_and_email_match()
    {
        var reply = Ask("Where is my order NW-10232? My email is liam.smith@example.com");

        reply.Topic.ShouldBe(AssistantTopics.OrderStatus);
        reply.Text.ShouldContain("shipped");
        reply.Text.ShouldContain("UPS");
        reply.Text.ShouldContain("1Z999AA10123456785");
    }

    [Fact]
    public void Should_take_the_order_number_and_email_from_different_turns()
    {
        var conversation = new List<ChatTurn>
        {
            new(ChatRole.Shopper, "Hi, where is my order #NW-10234?"),
            new(ChatRole.Assistant, BuiltInAssistantEngine.OrderCredentialsRequest),
            new(ChatRole.Shopper, "noah.davis@example.com"),
        };

        var reply = _engine.Reply(conversation, Demo);

        reply.Topic.ShouldBe(AssistantTopics.OrderStatus);
        reply.Text.ShouldContain("delayed");
    }

    [Theory]
    [InlineData("In transit", "it has shipped")]
    [InlineData("canceled", "it was cancelled")]
    [InlineData("Ready for pickup", "its status is \"Ready for pickup\"")]
    public void Should_tell_a_status_given_in_the_stores_own_words(string status, string expected)
    {
        var knowledge = KnowledgeSnapshot.FromDocument(new KnowledgeDocument
        {
            Store = new StoreProfileDto { Name = "Corner Shop", Currency = "EUR" },
            Orders =
            [
                new OrderDto
                {
                    Number = "CS-501", Email = "mia@example.com", Status = status, Carrier = "DHL",
                    Items = [new OrderItemDto { Name = "Teapot", Quantity = 1 }], PlacedAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
                },
            ],
        });

        var reply = Ask(knowledge, "where is order CS-501? mia@example.com");

        reply.Topic.ShouldBe(AssistantTopics.OrderStatus);
        reply.Text.ShouldContain(expected);
    }

    [Fact]
    public void Should_refuse_the_order_status_without_the_email()
    {
        var reply = Ask("What's the status of order NW-10232?");

        reply.Topic.ShouldBe(AssistantTopics.OrderStatus);
        reply.Text.ShouldBe(BuiltInAssistantEngine.OrderCredentialsRequest);
        reply.Text.ShouldNotContain("UPS");
    }

    [Fact]
    public void Should_refuse_a_wrong_email_exactly_as_an_unknown_order()
    {
        var existing = Ask("Where is my order NW-10232? Email: someone.else@example.com");
        var missing = Ask("Where is my order NW-99999? Email: someone.else@example.com");

        existing.Text.ShouldBe(BuiltInAssistantEngine.OrderNotMatched);
        missing.Text.ShouldBe(existing.Text);
        missing.Topic.ShouldBe(existing.Topic);
        missing.Answered.ShouldBe(existing.Answered);
        existing.Text.ShouldNotContain("Cascade");
    }

    [Fact]
    public void Should_say_it_does_not_know_rather_than_guess()
    {
        var reply = Ask("Do you offer ski rental in Colorado?");

        reply.Topic.ShouldBe(AssistantTopics.Unknown);
        reply.Answered.ShouldBeFalse();
        reply.Text.ShouldContain("don't know");
    }

    [Fact]
    public void Should_treat_markup_as_plain_text_and_never_echo_it()
    {
        var reply = Ask("<script>alert('x')</script> how long does shipping take?");

        reply.Text.ShouldNotContain("<script>");
        reply.Topic.ShouldBe(AssistantTopics.Shipping);
    }

    [Fact]
    public void Should_greet_and_thank()
    {
        Ask("Hello!").Topic.ShouldBe(AssistantTopics.Greeting);
        Ask("Hello!").Text.ShouldContain("Northwind Outfitters");
        Ask("thanks a lot").Text.ShouldContain("welcome");
    }

    [Fact]
    public void Should_answer_from_a_store_it_has_never_seen()
    {
        var store = KnowledgeSnapshot.FromDocument(new KnowledgeDocument
        {
            Store = new StoreProfileDto { Name = "Bean There Coffee", Currency = "EUR" },
            Policies = [new PolicyDto { Topic = "Delivery", Text = "We deliver within Germany in 2 working days for €4.90. Orders over €40 ship free." }],
            Products =
            [
                new ProductDto
                {
                    Sku = "ESP-1", Name = "Aurelio Espresso Machine", Price = 499m,
                    Attributes = new Dictionary<string, string> { ["compatible with"] = "ground coffee and ESE pods", ["water tank"] = "1.8 L" },
                    Variants = [new VariantDto { Name = "Silver", InStock = true }, new VariantDto { Name = "Black", InStock = false }],
                },
            ],
        });

        Ask(store, "How much is delivery?").Text.ShouldContain("€4.90");
        Ask(store, "Is the Aurelio Espresso Machine available in black?").Text.ShouldContain("out of stock");
        Ask(store, "Does the Aurelio work with ESE pods?").Text.ShouldStartWith("Yes");
        Ask(store, "Do you sell tea?").Answered.ShouldBeFalse();
    }

    private static readonly KnowledgeSnapshot Outdoor = KnowledgeSnapshot.FromDocument(new KnowledgeDocument
    {
        Store = new StoreProfileDto { Name = "Ridge & Rain", Currency = "USD" },
        Products =
        [
            new ProductDto
            {
                Sku = "RR-1", Name = "Stormline Rain Jacket", Price = 149m, Description = "A light rain shell.",
                Attributes = new Dictionary<string, string> { ["material"] = "3-layer nylon", ["waterproof"] = "20,000 mm", ["weight"] = "340 g", ["fit"] = "regular" },
                Variants = [new VariantDto { Name = "S", InStock = true }, new VariantDto { Name = "M", InStock = false }],
            },
            new ProductDto
            {
                Sku = "RR-2", Name = "Ridge Daypack", Price = 89m, Description = "A daypack for day hikes.",
                Attributes = new Dictionary<string, string> { ["capacity"] = "28 L", ["compatible with"] = "hydration bladders up to 3 L" },
                Variants = [new VariantDto { Name = "One size", InStock = true }],
            },
        ],
    });

    [Fact]
    public void Should_answer_a_yes_no_attribute_question_from_the_attribute()
    {
        var reply = Ask(Outdoor, "Is the Stormline Rain Jacket waterproof?");

        reply.Text.ShouldStartWith("Yes");
        reply.Text.ShouldContain("20,000 mm");
    }

    [Theory]
    [InlineData("how heavy is the stormline jacket", "340 g")]
    [InlineData("what is the stormline made of?", "3-layer nylon")]
    [InlineData("whats the capacity of the ridge daypack", "28 L")]
    public void Should_answer_what_an_attribute_is(string question, string fact)
    {
        Ask(Outdoor, question).Text.ShouldContain(fact);
    }

    [Fact]
    public void Should_read_fit_with_another_thing_named_as_compatibility_not_sizing()
    {
        var reply = Ask(Outdoor, "Will the Ridge daypack fit a hydration bladder?");

        reply.Topic.ShouldBe(AssistantTopics.Compatibility);
        reply.Text.ShouldContain("hydration bladders up to 3 L");
        reply.Text.ShouldNotContain("One size");
    }

    [Fact]
    public void Should_decide_compatibility_by_a_measurement_against_the_stated_range()
    {
        Ask(Outdoor, "will a 2 litre bladder fit in the ridge daypack").Text.ShouldStartWith("Yes");
        Ask(Outdoor, "would a 5 l bladder fit the ridge daypack?").Text.ShouldStartWith("No");
    }

    [Fact]
    public void Should_answer_a_follow_up_about_the_product_of_the_conversation()
    {
        var reply = Ask(Outdoor, "tell me about the stormline rain jacket", "and how heavy is it?");

        reply.Text.ShouldContain("340 g");
    }
}
