using System.Text.Json.Serialization;

namespace Upsellic.HandoffIntelligence;

/// <summary>Why a conversation needs a person. Anything else is answered by the assistant.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HandoffCategory>))]
public enum HandoffCategory
{
    ReturnOrComplaint,
    OrderIssue,
    EmotionalEscalation,
    ComplexRequest,
}

public enum TurnRole
{
    Shopper,
    Assistant,
    Agent,
}

public sealed record ConversationTurn(TurnRole Role, string Text);

/// <param name="Handoff">True when a person should take over.</param>
/// <param name="Category">Why; null when <paramref name="Handoff"/> is false.</param>
/// <param name="Confidence">How sure the engine is of this decision, 0..1.</param>
/// <param name="Engine">Which engine decided: <see cref="HandoffEngines.Local"/> or <see cref="HandoffEngines.Llm"/>.</param>
public sealed record HandoffDecision(bool Handoff, HandoffCategory? Category, double Confidence, string Engine);

public static class HandoffEngines
{
    public const string Local = "local";
    public const string Llm = "llm";
}
