namespace Upsellic.HandoffIntelligence.Ml;

/// <summary>The label strings of the data files (snake_case) and their categories.</summary>
public static class HandoffLabels
{
    public const string None = "none";
    public const string ReturnOrComplaint = "return_or_complaint";
    public const string OrderIssue = "order_issue";
    public const string EmotionalEscalation = "emotional_escalation";
    public const string ComplexRequest = "complex_request";

    /// <summary>The auxiliary file's label: a plain request for a person is, for routing, a complex request.</summary>
    public const string ExplicitHumanRequest = "explicit_human_request";

    public static IReadOnlyList<string> All { get; } = [ReturnOrComplaint, OrderIssue, EmotionalEscalation, ComplexRequest, None];

    public static HandoffCategory? ToCategory(string label) => label switch
    {
        ReturnOrComplaint => HandoffCategory.ReturnOrComplaint,
        OrderIssue => HandoffCategory.OrderIssue,
        EmotionalEscalation => HandoffCategory.EmotionalEscalation,
        ComplexRequest or ExplicitHumanRequest => HandoffCategory.ComplexRequest,
        None => null,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Unknown handoff label."),
    };

    public static string FromCategory(HandoffCategory? category) => category switch
    {
        HandoffCategory.ReturnOrComplaint => ReturnOrComplaint,
        HandoffCategory.OrderIssue => OrderIssue,
        HandoffCategory.EmotionalEscalation => EmotionalEscalation,
        HandoffCategory.ComplexRequest => ComplexRequest,
        null => None,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown handoff category."),
    };

    /// <summary>Maps the auxiliary label onto the trained classes; other labels pass through.</summary>
    public static string ToTrainingLabel(string label) => label == ExplicitHumanRequest ? ComplexRequest : label;
}
