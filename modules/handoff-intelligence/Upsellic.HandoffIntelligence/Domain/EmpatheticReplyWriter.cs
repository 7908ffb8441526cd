namespace Upsellic.HandoffIntelligence.Domain;

/// <summary>
/// The reply the shopper gets the moment a conversation is handed off. Rules: it names what the shopper told us
/// (order number, item), asks nothing (a question would make the shopper wait on the bot again), promises nothing the
/// store has not said (no refund, no time frame), and says what happens next. Each part has several phrasings picked
/// by the seed, so replies do not read like one template.
/// </summary>
public sealed class EmpatheticReplyWriter : IEmpatheticReplyWriter
{
    private static readonly Dictionary<HandoffCategory, string[]> Acknowledgements = new()
    {
        [HandoffCategory.ReturnOrComplaint] =
        [
            "I'm sorry {ref} didn't work out the way you hoped.",
            "Thank you for explaining what happened with {ref}.",
            "I understand you want {ref} sorted out properly, and I've passed on everything you wrote so you won't have to repeat it.",
        ],
        [HandoffCategory.OrderIssue] =
        [
            "I'm really sorry about the trouble with {ref}.",
            "I'm sorry {ref} hasn't gone the way it should have.",
            "Thank you for flagging the problem with {ref}; the details you gave are noted.",
        ],
        [HandoffCategory.EmotionalEscalation] =
        [
            "I'm sorry this has been so frustrating{with}, and I understand why you're upset.",
            "I hear you, and I'm sorry you've had to deal with this{with}.",
            "You shouldn't have to chase this{with}, and I'm sorry it has come to this.",
        ],
        [HandoffCategory.ComplexRequest] =
        [
            "Thanks for your message{about}; this is best handled by a person from our team.",
            "Thank you for reaching out{about}. It deserves a proper answer from a person rather than from me.",
            "I'd like someone from our team to look after your request{about} personally.",
        ],
    };

    private static readonly Dictionary<HandoffCategory, string> FallbackReference = new()
    {
        [HandoffCategory.ReturnOrComplaint] = "your purchase",
        [HandoffCategory.OrderIssue] = "your order",
    };

    private static readonly string[] AgentJoining =
    [
        "A member of our team is joining this chat now and can see everything you've written.",
        "I'm bringing in a person from our team, who will continue with you right here in this chat.",
        "Someone from our team is joining this conversation and will pick it up from here.",
    ];

    private static readonly string[] ContactOptionsBelow =
    [
        "Our team isn't online at the moment, so here are the ways to reach them directly, just below.",
        "Nobody from our team is in the chat right now; you can reach them through the contact options below.",
        "Our team is away right now, but you can contact them directly with one of the options below.",
    ];

    public string Write(HandoffCategory category, IReadOnlyList<ConversationTurn> turns, bool agentOnline, int variantSeed)
    {
        var facts = ConversationFacts.From(turns);
        var seed = (uint)variantSeed;
        var acknowledgements = Acknowledgements[category];
        var nextSteps = agentOnline ? AgentJoining : ContactOptionsBelow;

        var acknowledgement = acknowledgements[seed % (uint)acknowledgements.Length]
            .Replace("{ref}", Reference(facts, FallbackReference.GetValueOrDefault(category)) ?? string.Empty)
            .Replace("{with}", facts.OrderNumber is { } order ? $" with order {order}" : string.Empty)
            .Replace("{about}", Reference(facts, fallback: null) is { } about ? $" about {about}" : string.Empty);
        var nextStep = nextSteps[seed / (uint)acknowledgements.Length % (uint)nextSteps.Length];
        return $"{acknowledgement} {nextStep}";
    }

    /// <summary>A stable seed from the conversation text (string.GetHashCode differs per process).</summary>
    public static int SeedFor(IEnumerable<ConversationTurn> turns)
    {
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        var hash = offsetBasis;
        foreach (var c in turns.SelectMany(t => t.Text))
        {
            hash = (hash ^ c) * prime;
        }

        return (int)(hash & int.MaxValue);
    }

    private static string? Reference(ConversationFacts facts, string? fallback) => (facts.Item, facts.OrderNumber) switch
    {
        ({ } item, { } order) => $"the {item} from order {order}",
        (null, { } order) => $"order {order}",
        ({ } item, null) => $"the {item}",
        _ => fallback,
    };
}
