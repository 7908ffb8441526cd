namespace Upsellic.HandoffIntelligence;

public static class HandoffErrorCodes
{
    public const string EmptyConversation = "HandoffIntelligence:EmptyConversation";
    public const string NoShopperTurn = "HandoffIntelligence:NoShopperTurn";
    public const string TurnTooLong = "HandoffIntelligence:TurnTooLong";
    public const string EmptyTurnText = "HandoffIntelligence:EmptyTurnText";
    public const string UnknownTurnRole = "HandoffIntelligence:UnknownTurnRole";
    public const string TooManyTurns = "HandoffIntelligence:TooManyTurns";
}

public static class HandoffLimits
{
    public const int MaxTurnTextLength = 4000;
    public const int MaxTurns = 200;
}

/// <summary>
/// A request the handoff analysis refuses. <see cref="Errors"/> maps a field name ("turns") to readable reasons,
/// ready for a ValidationProblem answer.
/// </summary>
public sealed class HandoffValidationException(string code, IReadOnlyDictionary<string, string[]> errors)
    : Exception($"{code}: {string.Join(" ", errors.SelectMany(e => e.Value))}")
{
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
